package jp.hoshimi.exception;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.compliance.AcceptedRisk;
import jp.hoshimi.compliance.ComplianceEvaluator;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Exceptions (issue 20) end to end on the demo data, real evaluation, real alert outbox, real HTTP for
 * REST: four eyes, ACCEPTED never counted as OK, lapse on the end date and on a worse status with exactly
 * one alert each, early end, data scope. These commit and move the clock, so the class has a database of
 * its own (shared with the exception browser journey's configuration is not needed: it has its own).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hoshimi.dev-db.database=hoshimi_exceptions", "hoshimi.clock.fixed-date="})
@Import(MovableClock.Config.class)
class ExceptionLifecycleTest {

    static final String RISK_TOKEN = "hsm_demo_risk_manager_token_0001";

    @LocalServerPort
    int port;

    @Autowired
    ExceptionService exceptions;

    @Autowired
    ComplianceService compliance;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    ContractService contracts;

    @Autowired
    DashboardService dashboard;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    MovableClock clock;

    @Autowired
    DSLContext dsl;

    <T> T as(String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    void as(String username, Runnable work) {
        as(username, () -> {
            work.run();
            return null;
        });
    }

    long supplierId(String code) {
        return system.callAsSystem(() -> suppliers.findByCode(code))
                .orElseThrow()
                .id();
    }

    /** The supplier's first finding with this reason in a 星見精工 (HSK) contract, else any. */
    Finding finding(long supplierId, Reason reason) {
        return system.callAsSystem(() -> compliance.supplierEvaluation(supplierId)).findings().stream()
                .filter(f -> f.verdict().reason() == reason)
                .sorted(java.util.Comparator.comparing(
                        (Finding f) -> !f.contractNumber().startsWith("HSK")))
                .findFirst()
                .orElseThrow();
    }

    Finding findingIn(long supplierId, String contractNumber) {
        return system.callAsSystem(() -> compliance.supplierEvaluation(supplierId)).findings().stream()
                .filter(f -> f.contractNumber().equals(contractNumber))
                .findFirst()
                .orElseThrow();
    }

    Finding findingOf(long contractId, long supplierId) {
        return system.callAsSystem(() -> compliance.contractEvaluation(contractId)).links().stream()
                .filter(f -> f.supplierId() == supplierId)
                .findFirst()
                .orElseThrow();
    }

    ExceptionRequest requestFor(Finding f, LocalDate endsOn) {
        return new ExceptionRequest(f.supplierId(), f.contractId(), "代替調達先を選定中のため", "月次で現地監査を実施する", endsOn);
    }

    long statusAlerts(long supplierId, ComplianceStatus status, long afterId) {
        return dsl.fetchCount(
                ALERT,
                ALERT.SUPPLIER_ID
                        .eq(supplierId)
                        .and(ALERT.KIND.eq(AlertKind.STATUS))
                        .and(ALERT.STATUS.eq(status))
                        .and(ALERT.ID.gt(afterId)));
    }

    long lastAlertId() {
        Long id = dsl.select(org.jooq.impl.DSL.max(ALERT.ID)).from(ALERT).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    @Test
    void the_requester_cannot_approve_another_risk_manager_can_and_the_finding_is_accepted_never_ok() throws Exception {
        long remote = supplierId("S-10024"); // not registered
        Finding missing = findingIn(remote, "HSK-2026-0045"); // the contract's only supplier
        LocalDate endsOn = businessDate.today().plusDays(60);
        long id = as("risk", () -> exceptions.request(requestFor(missing, endsOn)));
        int version = as("risk", () -> exceptions.get(id).version());

        assertThatThrownBy(() -> as("risk", () -> exceptions.approve(id, version, null)))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(
                                ((ValidationException) e).problems().get(0).messageKey())
                        .isEqualTo("exception.fourEyes"));
        assertThat(as("risk", () -> exceptions.get(id).state())).isEqualTo(ExceptionState.REQUESTED);

        as("risk2", () -> exceptions.approve(id, version, "了承"));

        RiskException approved = as("risk", () -> exceptions.get(id));
        assertThat(approved.state()).isEqualTo(ExceptionState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("risk2");
        Finding accepted = findingOf(missing.contractId(), remote);
        assertThat(accepted.status()).isEqualTo(ComplianceStatus.ACCEPTED);
        assertThat(accepted.verdict().reason()).isEqualTo(Reason.NOT_REGISTERED); // the gap underneath
        assertThat(accepted.verdict().acceptance().exceptionId()).isEqualTo(id);
        assertThat(accepted.verdict().acceptance().until()).isEqualTo(endsOn);
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq(ExceptionService.AUDIT_TYPE)
                                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id)))))
                .isEqualTo(2); // requested, approved

        // never OK: the dashboard counts it apart, the lists and exports filter it apart, REST says ACCEPTED
        String contractNumber = accepted.contractNumber();
        var kpis = as("risk", () -> dashboard.overview().kpis());
        assertThat(kpis.contracts().of(ComplianceStatus.ACCEPTED)).isPositive();
        assertThat(kpis.compliantWithAcceptedPercent().orElseThrow())
                .isGreaterThan(kpis.compliantPercent().orElseThrow());
        assertThat(numbers(ContractFilter.none().withStatuses(Set.of(ComplianceStatus.ACCEPTED))))
                .contains(contractNumber);
        assertThat(numbers(ContractFilter.none().withStatuses(Set.of(ComplianceStatus.OK, ComplianceStatus.EXPIRING))))
                .doesNotContain(contractNumber);
        List<String> exported = new ArrayList<>();
        as(
                "risk",
                () -> contracts.export(
                        ContractFilter.none().withStatuses(Set.of(ComplianceStatus.OK)),
                        null,
                        c -> exported.add(c.contractNumber())));
        assertThat(exported).isNotEmpty().doesNotContain(contractNumber);
        String json = get("/api/v1/contracts/" + contractNumber + "/evaluation");
        assertThat(json)
                .contains("\"status\":\"ACCEPTED\"")
                .contains("\"exceptionId\":" + id)
                .contains("\"acceptedUntil\":\"" + endsOn + "\"")
                .contains("\"reasonCode\":\"NOT_REGISTERED\"");
        assertThat(get("/api/v1/exceptions?state=APPROVED")).contains("\"id\":" + id);

        // a risk manager ends it early: the finding reopens
        as("risk", () -> exceptions.end(id));
        assertThat(findingOf(missing.contractId(), remote).status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(as("risk", () -> exceptions.get(id).state())).isEqualTo(ExceptionState.ENDED);
    }

    @Test
    void an_exception_lapses_the_day_after_its_end_date_and_the_owners_get_exactly_one_alert() {
        long remote = supplierId("S-10024");
        Finding missing = findingIn(remote, "HSK-2026-0005");
        LocalDate endsOn = businessDate.today().plusDays(5);
        long id = as("procurement2", () -> exceptions.request(requestFor(missing, endsOn)));
        as(
                "risk",
                () -> exceptions.approve(id, as("risk", () -> exceptions.get(id).version()), null));
        assertThat(findingOf(missing.contractId(), remote).status()).isEqualTo(ComplianceStatus.ACCEPTED);
        long before = lastAlertId();
        // an ending-soon alert was made on approval (inside the ★ lead time), not a status alert
        assertThat(statusAlerts(remote, ComplianceStatus.MISSING, before)).isZero();

        clock.advance(Duration.ofDays(7));
        system.runAsSystem(evaluator::evaluateAll);
        system.runAsSystem(evaluator::evaluateAll); // a second run tells nobody again

        assertThat(findingOf(missing.contractId(), remote).status()).isEqualTo(ComplianceStatus.MISSING);
        RiskException lapsed = as("risk", () -> exceptions.get(id));
        assertThat(lapsed.state()).isEqualTo(ExceptionState.LAPSED);
        assertThat(lapsed.lapse()).isEqualTo(AcceptedRisk.Lapse.END_DATE);
        assertThat(statusAlerts(remote, ComplianceStatus.MISSING, before)).isEqualTo(1);
        assertThat(dsl.fetchValue(dsl.select(ALERT.PREVIOUS_STATUS)
                        .from(ALERT)
                        .where(ALERT.SUPPLIER_ID
                                .eq(remote)
                                .and(ALERT.ID.gt(before))
                                .and(ALERT.KIND.eq(AlertKind.STATUS)))))
                .isEqualTo(ComplianceStatus.ACCEPTED);
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq(ExceptionService.AUDIT_TYPE)
                                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(id)))))
                .isEqualTo(3); // requested, approved, lapsed
    }

    @Test
    void accepted_level_too_low_lapses_when_the_registration_is_revoked_with_exactly_one_alert() {
        long painter = supplierId("S-10008");
        Finding tooLow = finding(painter, Reason.LEVEL_TOO_LOW);
        long id = as(
                "risk2",
                () -> exceptions.request(requestFor(tooLow, businessDate.today().plusDays(90))));
        as(
                "risk",
                () -> exceptions.approve(id, as("risk", () -> exceptions.get(id).version()), null));
        assertThat(findingOf(tooLow.contractId(), painter).status()).isEqualTo(ComplianceStatus.ACCEPTED);
        long before = lastAlertId();

        String number = dsl.select(SUPPLIER.CORPORATE_NUMBER)
                .from(SUPPLIER)
                .where(SUPPLIER.ID.eq(painter))
                .fetchOne(0, String.class);
        dsl.update(REGISTER_ENTRY)
                .set(REGISTER_ENTRY.STATUS, "REVOKED")
                .where(REGISTER_ENTRY.CORPORATE_NUMBER.eq(number))
                .execute();
        evaluator.evaluateSuppliers(List.of(painter));
        evaluator.evaluateSuppliers(List.of(painter));

        assertThat(findingOf(tooLow.contractId(), painter).status()).isEqualTo(ComplianceStatus.REVOKED);
        RiskException lapsed = as("risk", () -> exceptions.get(id));
        assertThat(lapsed.state()).isEqualTo(ExceptionState.LAPSED);
        assertThat(lapsed.lapse()).isEqualTo(AcceptedRisk.Lapse.WORSE_STATUS);
        assertThat(statusAlerts(painter, ComplianceStatus.REVOKED, before)).isEqualTo(1);
    }

    @Test
    void the_data_scope_is_the_contracts_and_a_supplier_wide_exception_needs_group_wide_access() {
        long remote = supplierId("S-10024");
        Finding hsk = findingIn(remote, "HSK-2026-0005"); // a 星見精工 (HSK) contract
        LocalDate endsOn = businessDate.today().plusDays(30);

        // procurement belongs to HMC units: the HSK contract is "not found"
        assertThatThrownBy(() -> as("procurement", () -> exceptions.request(requestFor(hsk, endsOn))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(
                        "procurement2",
                        () -> exceptions.request(new ExceptionRequest(remote, null, "理由", "措置", endsOn))))
                .isInstanceOf(ValidationException.class);
        // too long an end date, and an empty justification: clear errors, nothing stored
        assertThatThrownBy(() -> as(
                        "procurement2",
                        () -> exceptions.request(new ExceptionRequest(
                                remote,
                                hsk.contractId(),
                                " ",
                                "措置",
                                businessDate.today().plusDays(181)))))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(p -> p.field())
                        .containsExactlyInAnyOrder("justification", "endsOn"));

        long id = as("procurement2", () -> exceptions.request(requestFor(hsk, endsOn)));
        assertThat(as("procurement", () -> exceptions.find(id))).isEmpty();
        assertThat(as("procurement", () -> exceptions.list(null, 0, 100))).noneMatch(x -> x.id() == id);
        assertThat(as("procurement2", () -> exceptions.find(id))).isPresent();
        assertThat(as("auditor", () -> exceptions.find(id))).isPresent();
        as(
                "risk2",
                () -> exceptions.reject(id, as("risk2", () -> exceptions.get(id).version()), "代替先あり"));
        assertThat(as("risk", () -> exceptions.get(id).state())).isEqualTo(ExceptionState.REJECTED);
    }

    private List<String> numbers(ContractFilter filter) {
        return as("risk", () -> contracts.list(filter, null, 0, 1000)).stream()
                .map(ContractListItem::contractNumber)
                .toList();
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + RISK_TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
