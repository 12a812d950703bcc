package jp.hoshimi.outreach;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER_CONTACT;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.identity.HoshimiUser;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Bulk requests from the findings list's filter (issue 19), on the demo data in a database of its own: the
 * headline is the number of suppliers, every one is either asked once or skipped with its reason, a second
 * run makes no duplicate, and procurement asks only suppliers of its own units' contracts.
 */
@SpringBootTest(properties = {"hoshimi.dev-db.database=hoshimi_bulk", "hoshimi.alert.dispatch-interval=0"})
class BulkRequestTest {

    /** The failing findings (the demo's procurement units have one supplier not registered, more with gaps). */
    static final WorklistFilter FAILING = new WorklistFilter(
            Set.of(
                    ComplianceStatus.REVOKED,
                    ComplianceStatus.EXPIRED,
                    ComplianceStatus.MISSING,
                    ComplianceStatus.UNVERIFIABLE,
                    ComplianceStatus.INSUFFICIENT),
            null,
            RequestMark.ANY);

    @Autowired
    FindingWorklist worklist;

    @Autowired
    RequestService requests;

    @Autowired
    ContactService contacts;

    @Autowired
    UserDetailsService users;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    void as(String username) {
        HoshimiUser user = (HoshimiUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** The suppliers of not-OK findings in contracts of the units whose code starts with one of {@code units}. */
    List<Long> suppliersOf(Condition findings, String... units) {
        Condition unit = DSL.falseCondition();
        for (String code : units) {
            unit = unit.or(ORG_UNIT.CODE.like(code + "%"));
        }
        return dsl.selectDistinct(COMPLIANCE_FINDING.SUPPLIER_ID)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .where(findings)
                .and(unit)
                .orderBy(COMPLIANCE_FINDING.SUPPLIER_ID)
                .fetch(COMPLIANCE_FINDING.SUPPLIER_ID);
    }

    static Condition failing() {
        return COMPLIANCE_FINDING.STATUS.in(
                ComplianceStatus.REVOKED,
                ComplianceStatus.EXPIRED,
                ComplianceStatus.MISSING,
                ComplianceStatus.UNVERIFIABLE,
                ComplianceStatus.INSUFFICIENT);
    }

    /** The highest level the supplier's failing findings in procurement's units require. */
    StarLevel highestRequired(long supplierId) {
        return dsl
                .select(COMPLIANCE_FINDING.REQUIRED_LEVEL)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .where(COMPLIANCE_FINDING.SUPPLIER_ID.eq(supplierId))
                .and(failing())
                .and(ORG_UNIT.CODE.like("HMC-PUR%").or(ORG_UNIT.CODE.like("HMC-ELE%")))
                .fetch(r -> r.value1().starLevel().orElseThrow())
                .stream()
                .max(StarLevel::compareTo)
                .orElseThrow();
    }

    @Test
    void every_supplier_of_the_filter_is_asked_once_or_skipped_with_its_reason_and_a_second_run_makes_no_duplicate() {
        as("procurement");
        List<Long> expected = suppliersOf(failing(), "HMC-PUR", "HMC-ELE");
        assertThat(expected).hasSizeGreaterThan(2);
        long withMail = expected.get(0);
        long alreadyAsked = expected.get(1);
        contacts.add(withMail, new ContactForm("佐藤 花子", "情報システム部", "sato@example.jp", null, true));
        contacts.add(alreadyAsked, new ContactForm("鈴木 一郎", null, "suzuki@example.jp", null, true));
        RequestForm suggested = requests.suggest(alreadyAsked, "ja");
        long earlier = requests.createAndSend(suggested);

        BulkPreview preview = worklist.preview(FAILING);
        assertThat(preview.candidates())
                .extracting(BulkCandidate::supplierId)
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(preview.candidates())
                .filteredOn(c -> c.supplierId() == withMail)
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.asked()).isTrue();
                    assertThat(c.contactEmail()).isEqualTo("sato@example.jp");
                    assertThat(c.requestedLevel()).isEqualTo(highestRequired(withMail));
                    assertThat(c.dueDate()).isAfter(businessDate.today());
                });
        assertThat(preview.candidates())
                .filteredOn(c -> c.supplierId() == alreadyAsked)
                .singleElement()
                .extracting(BulkCandidate::skip)
                .isEqualTo(BulkCandidate.Skip.ALREADY_OPEN);
        long noMail = preview.skipped(BulkCandidate.Skip.NO_EMAIL);
        long withoutContact = expected.stream()
                .filter(id -> dsl.fetchCount(SUPPLIER_CONTACT, SUPPLIER_CONTACT.SUPPLIER_ID.eq(id)) == 0)
                .findFirst()
                .orElseThrow();
        assertThat(preview.candidates())
                .filteredOn(c -> c.supplierId() == withoutContact)
                .singleElement()
                .extracting(BulkCandidate::skip)
                .isEqualTo(BulkCandidate.Skip.NO_EMAIL);
        assertThat(noMail)
                .isEqualTo(expected.stream()
                        .filter(id -> id != alreadyAsked)
                        .filter(id -> dsl.fetchCount(
                                        SUPPLIER_CONTACT,
                                        SUPPLIER_CONTACT
                                                .SUPPLIER_ID
                                                .eq(id)
                                                .and(SUPPLIER_CONTACT.IS_PRIMARY.isTrue())
                                                .and(SUPPLIER_CONTACT.EMAIL.isNotNull()))
                                == 0)
                        .count());
        int requestsBefore = dsl.fetchCount(SUPPLIER_REQUEST);
        int lettersBefore = dsl.fetchCount(ALERT, ALERT.KIND.eq(AlertKind.LETTER));

        BulkResult result = worklist.ask(FAILING, "ja");

        // the headline adds up: created + skipped = the suppliers of the filter
        assertThat(result.suppliers()).isEqualTo(expected.size()).isEqualTo(preview.suppliers());
        assertThat(result.created()).isEqualTo(preview.asked().size());
        assertThat(result.skipped(BulkCandidate.Skip.NO_EMAIL)).isEqualTo(noMail);
        assertThat(result.skipped(BulkCandidate.Skip.ALREADY_OPEN)).isEqualTo(1);
        assertThat(dsl.fetchCount(SUPPLIER_REQUEST)).isEqualTo(requestsBefore + result.created());
        assertThat(dsl.fetchCount(ALERT, ALERT.KIND.eq(AlertKind.LETTER))).isEqualTo(lettersBefore + result.created());
        long made = result.requestIds().get(0);
        RequestDetails request = requests.find(made).orElseThrow();
        assertThat(request.supplierId()).isEqualTo(withMail);
        assertThat(request.state()).isEqualTo(RequestState.SENT);
        assertThat(request.message())
                .contains("ご担当者様")
                .contains(request.requestedLevel().label());
        assertThat(request.requestedLevel()).isEqualTo(highestRequired(withMail));
        assertThat(request.contracts())
                .isNotEmpty()
                .allMatch(c -> StarLevel.valueOf(c.requiredLevel()).compareTo(request.requestedLevel()) <= 0);
        assertThat(request.timeline()).extracting(RequestEvent::kind).containsExactly("CREATED", "SENT");
        assertThat(dsl.fetchCount(SUPPLIER_REQUEST, SUPPLIER_REQUEST.SUPPLIER_ID.eq(alreadyAsked)))
                .isEqualTo(1); // only the earlier one
        assertThat(dsl.fetchCount(
                        SUPPLIER_REQUEST_CONTRACT, SUPPLIER_REQUEST_CONTRACT.REQUEST_ID.in(result.requestIds())))
                .isPositive();

        // the findings list shows the requests: 依頼中, and filters by them
        List<WorklistRow> open = worklist.list(new WorklistFilter(FAILING.statuses(), null, RequestMark.OPEN), 0, 1000);
        assertThat(open).extracting(WorklistRow::supplierId).contains(withMail, alreadyAsked);
        assertThat(open).allMatch(r -> r.requestId() != null && !r.requestOverdue());
        assertThat(worklist.list(new WorklistFilter(FAILING.statuses(), null, RequestMark.NONE), 0, 1000))
                .extracting(WorklistRow::supplierId)
                .doesNotContain(withMail, alreadyAsked);
        dsl.update(SUPPLIER_REQUEST)
                .set(SUPPLIER_REQUEST.DUE_DATE, businessDate.today().minusDays(1))
                .where(SUPPLIER_REQUEST.ID.eq(earlier))
                .execute();
        WorklistFilter overdue = new WorklistFilter(Set.of(), null, RequestMark.OVERDUE);
        List<WorklistRow> late = worklist.list(overdue, 0, 1000);
        assertThat(late).isNotEmpty().allMatch(r -> r.supplierId() == alreadyAsked && r.requestOverdue());
        assertThat(worklist.count(overdue)).isEqualTo(late.size());

        // a second run asks nobody again
        BulkResult again = worklist.ask(FAILING, "ja");
        assertThat(again.created()).isZero();
        assertThat(again.skipped(BulkCandidate.Skip.ALREADY_OPEN)).isEqualTo(result.created() + 1L);
        assertThat(again.suppliers()).isEqualTo(expected.size());
        assertThat(dsl.fetchCount(SUPPLIER_REQUEST)).isEqualTo(requestsBefore + result.created());
        assertThat(dsl.fetchCount(SUPPLIER_REQUEST_EVENT, SUPPLIER_REQUEST_EVENT.REQUEST_ID.in(result.requestIds())))
                .isEqualTo(2 * result.created());
    }

    @Test
    void procurement2_asks_only_suppliers_of_its_own_units_contracts() {
        as("procurement2");
        Condition failing = COMPLIANCE_FINDING.STATUS.notIn(ComplianceStatus.OK, ComplianceStatus.ACCEPTED);
        List<Long> ours = suppliersOf(failing, "HSK");
        List<Long> othersOnly = suppliersOf(failing, "HMC").stream()
                .filter(id -> !ours.contains(id))
                .toList();
        assertThat(ours).isNotEmpty();
        assertThat(othersOnly).isNotEmpty();
        for (long id : ours) {
            contacts.add(id, new ContactForm("担当者", null, "contact" + id + "@example.jp", null, true));
        }

        BulkPreview preview = worklist.preview(WorklistFilter.none());
        assertThat(preview.candidates())
                .extracting(BulkCandidate::supplierId)
                .containsExactlyInAnyOrderElementsOf(ours);
        BulkResult result = worklist.ask(WorklistFilter.none(), "en");
        assertThat(result.suppliers()).isEqualTo(ours.size());
        assertThat(dsl.select(SUPPLIER_REQUEST.SUPPLIER_ID)
                        .from(SUPPLIER_REQUEST)
                        .where(SUPPLIER_REQUEST.ID.in(result.requestIds()))
                        .fetch(SUPPLIER_REQUEST.SUPPLIER_ID))
                .allMatch(ours::contains)
                .doesNotContainAnyElementsOf(othersOnly);
        // the contracts a request names are procurement2's units' only
        assertThat(dsl.select(ORG_UNIT.CODE)
                        .from(SUPPLIER_REQUEST_CONTRACT)
                        .join(CONTRACT)
                        .on(CONTRACT.ID.eq(SUPPLIER_REQUEST_CONTRACT.CONTRACT_ID))
                        .join(ORG_UNIT)
                        .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                        .where(SUPPLIER_REQUEST_CONTRACT.REQUEST_ID.in(result.requestIds()))
                        .fetch(ORG_UNIT.CODE))
                .isNotEmpty()
                .allMatch(code -> code.startsWith("HSK"));
        assertThat(worklist.list(WorklistFilter.none(), 0, 1000))
                .extracting(WorklistRow::supplierId)
                .doesNotContainAnyElementsOf(othersOnly);
    }
}
