package jp.hoshimi.outreach;

import static jp.hoshimi.db.Tables.ALERT_LETTER;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.HoshimiUser;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests to suppliers end to end, on the demo data (business date 2026-12-01), against a real MariaDB of
 * their own, a real SMTP server (GreenMail), a local register server the test edits, and the REST API over
 * HTTP: letters sent once with the link, answers through the token only, reminders once, closing by a
 * register sync, and the data scope.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hoshimi.dev-db.database=hoshimi_requests",
            "hoshimi.alert.dispatch-interval=0",
            "hoshimi.alert.mail-from=buyer@hoshimi.test",
            "hoshimi.requests.answers-per-link-per-hour=3"
        })
class RequestFlowTest {

    static final int SMTP_PORT = freePort();
    static final Path FEED = Path.of("target/tmp/request-flow/register-star.csv");
    static GreenMail smtp;
    static LocalRegisterServer register;
    static final Pattern LINK = Pattern.compile("http://localhost:\\d+/reply/([A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(FEED.getParent());
        Files.copy(Path.of("sample-data/register-star.csv"), FEED, StandardCopyOption.REPLACE_EXISTING);
        register = LocalRegisterServer.start(FEED);
        registry.add(
                "hoshimi.register.star.url",
                () -> register.url(FEED.getFileName().toString()).toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopServers() {
        smtp.stop();
        register.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @LocalServerPort
    int port;

    @Autowired
    RequestService requests;

    @Autowired
    RequestAnswers answers;

    @Autowired
    RequestAutomation automation;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    RegisterSyncService registerSync;

    @Autowired
    UserDetailsService users;

    @Autowired
    BusinessDate businessDate;

    @Autowired
    DSLContext dsl;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void as(String username) {
        HoshimiUser user = (HoshimiUser) users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    /** A supplier not in the register with a contract of the unit {@code unitCode}, and its 法人番号. */
    Record2<Long, String> missingSupplierOf(String unitCode, int skip) {
        return suppliersOf(unitCode, COMPLIANCE_FINDING.STATUS.eq(ComplianceStatus.MISSING), skip);
    }

    /** Any supplier in a contract (chain) of the unit. */
    long supplierOf(String unitCode, int skip) {
        return suppliersOf(unitCode, org.jooq.impl.DSL.trueCondition(), skip).value1();
    }

    /** A supplier only the units {@code unitCode}… work with, in no chain of another unit. */
    long supplierOnlyOf(String unitCode) {
        var other = COMPLIANCE_FINDING.as("other");
        var otherContract = CONTRACT.as("other_contract");
        var otherUnit = ORG_UNIT.as("other_unit");
        return suppliersOf(
                        unitCode,
                        org.jooq.impl.DSL.notExists(org.jooq
                                .impl
                                .DSL
                                .selectOne()
                                .from(other)
                                .join(otherContract)
                                .on(otherContract.ID.eq(other.CONTRACT_ID))
                                .join(otherUnit)
                                .on(otherUnit.ID.eq(otherContract.ORG_UNIT_ID))
                                .where(other.SUPPLIER_ID.eq(SUPPLIER.ID))
                                .and(otherUnit.CODE.notLike(unitCode + "%"))),
                        0)
                .value1();
    }

    Record2<Long, String> suppliersOf(String unitCode, org.jooq.Condition condition, int skip) {
        return dsl.selectDistinct(SUPPLIER.ID, SUPPLIER.CORPORATE_NUMBER)
                .from(COMPLIANCE_FINDING)
                .join(CONTRACT)
                .on(CONTRACT.ID.eq(COMPLIANCE_FINDING.CONTRACT_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(COMPLIANCE_FINDING.SUPPLIER_ID))
                .where(condition)
                .and(ORG_UNIT.CODE.like(unitCode + "%"))
                .and(SUPPLIER.CORPORATE_NUMBER.isNotNull())
                .orderBy(SUPPLIER.ID)
                .offset(skip)
                .limit(1)
                .fetchSingle();
    }

    long sendTo(long supplierId, String email) {
        RequestForm suggested = requests.suggest(supplierId, "ja");
        RequestForm form = new RequestForm(
                supplierId,
                null,
                "山田 太郎",
                email,
                suggested.gapType(),
                suggested.requestedLevel(),
                suggested.dueDate(),
                "ja",
                null,
                suggested.contractIds());
        return requests.createAndSend(form);
    }

    /** Sends what is due and answers the new mails to {@code address}. */
    List<MimeMessage> dispatchTo(String address) {
        dispatcher.dispatch();
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address))
                .toList();
    }

    static String recipients(MimeMessage mail) {
        try {
            return GreenMailUtil.getAddressList(mail.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(MimeMessage mail) throws Exception {
        Matcher link = LINK.matcher(plainText(mail));
        assertThat(link.find()).as("the mail has the answer link").isTrue();
        return link.group(1);
    }

    @Test
    void a_sent_request_goes_out_once_as_a_polite_japanese_letter_with_the_answer_link() throws Exception {
        as("procurement");
        long supplier = supplierOf("HMC-PUR", 0);
        long id = sendTo(supplier, "yamada@supplier-a.test");

        List<MimeMessage> mails = dispatchTo("yamada@supplier-a.test");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).contains("【ご依頼】SCS評価制度").contains("ご登録のお願い");
        String plain = plainText(mail);
        assertThat(plain)
                .contains("ご担当者様")
                .contains("平素より大変お世話になっております")
                .contains("SECURITY ACTION")
                .contains("IPA")
                .contains("何卒よろしくお願い申し上げます")
                .doesNotContain("取引を停止")
                .contains("http://localhost:" + port + "/reply/");
        String token = token(mail);

        // sending again sends nothing more; the link was forgotten once the mail had gone, only its hash is kept
        assertThat(dispatchTo("yamada@supplier-a.test")).hasSize(1);
        assertThat(dsl.fetchCount(ALERT_LETTER, ALERT_LETTER.SECRET_LINK.isNotNull()))
                .isZero();
        assertThat(dsl.select(SUPPLIER_REQUEST_TOKEN.TOKEN_HASH)
                        .from(SUPPLIER_REQUEST_TOKEN)
                        .where(SUPPLIER_REQUEST_TOKEN.REQUEST_ID.eq(id))
                        .fetch(SUPPLIER_REQUEST_TOKEN.TOKEN_HASH))
                .hasSize(1)
                .doesNotContain(token)
                .containsExactly(RequestLetters.hash(token));
        assertThat(requests.find(id).orElseThrow().state()).isEqualTo(RequestState.SENT);
        assertThat(requests.find(id).orElseThrow().timeline())
                .extracting(RequestEvent::kind)
                .containsExactly("CREATED", "SENT");
    }

    static String plainText(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return partText(multipart);
        }
        return String.valueOf(content);
    }

    static String partText(jakarta.mail.Multipart multipart) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            Object part = multipart.getBodyPart(i).getContent();
            text.append(part instanceof jakarta.mail.Multipart inner ? partText(inner) : String.valueOf(part));
        }
        return text.toString();
    }

    @Test
    void a_guessed_revoked_expired_or_closed_token_all_get_the_same_empty_answer() throws Exception {
        as("procurement");
        long supplier = supplierOf("HMC-PUR", 1);
        long revoked = sendTo(supplier, "probe-1@supplier.test");
        long withdrawn = sendTo(supplier, "probe-2@supplier.test");
        long expired = sendTo(supplier, "probe-3@supplier.test");
        long open = sendTo(supplier, "probe-4@supplier.test");
        String revokedToken = token(dispatchTo("probe-1@supplier.test").get(0));
        String withdrawnToken = token(dispatchTo("probe-2@supplier.test").get(0));
        String expiredToken = token(dispatchTo("probe-3@supplier.test").get(0));
        String openToken = token(dispatchTo("probe-4@supplier.test").get(0));
        assertThat(answers.page(openToken)).isPresent();
        assertThat(answers.page(revokedToken)).isPresent();

        requests.revokeLinks(revoked);
        requests.withdraw(withdrawn, requests.find(withdrawn).orElseThrow().version(), "wrong supplier");
        dsl.update(SUPPLIER_REQUEST_TOKEN)
                .set(SUPPLIER_REQUEST_TOKEN.EXPIRES_AT, LocalDateTime.of(2020, 1, 1, 0, 0))
                .where(SUPPLIER_REQUEST_TOKEN.REQUEST_ID.eq(expired))
                .execute();
        SecurityContextHolder.clearContext(); // the supplier has no account
        String guessed = RequestLetters.newToken();
        String tampered = openToken.substring(0, 42) + (openToken.endsWith("A") ? "B" : "A");
        for (String probe : List.of(guessed, tampered, revokedToken, withdrawnToken, expiredToken, "", "x")) {
            assertThat(answers.page(probe)).as(probe).isEqualTo(Optional.empty());
            assertThat(answers.answer(probe, planned(), "198.51.100.7"))
                    .as(probe)
                    .isFalse();
        }
        // the open request's own link still works, and only for its own request
        assertThat(answers.page(openToken))
                .get()
                .extracting(AnswerPage::requestedLevel)
                .isNotNull();
        assertThat(answers.answer(openToken, planned(), "198.51.100.7")).isTrue();
        as("procurement");
        assertThat(requests.find(open).orElseThrow().answers()).hasSize(1);
        assertThat(requests.find(revoked).orElseThrow().answers()).isEmpty();
    }

    AnswerForm planned() {
        return new AnswerForm(
                AnswerKind.PLANNED, StarLevel.STAR3, businessDate.today().plusMonths(3), null, null, "準備中です");
    }

    @Test
    void answers_are_all_kept_checked_and_rate_limited_per_link() throws Exception {
        as("procurement");
        long supplier = supplierOf("HMC-PUR", 2);
        long id = sendTo(supplier, "answers@supplier.test");
        String token = token(dispatchTo("answers@supplier.test").get(0));
        SecurityContextHolder.clearContext();

        assertThatThrownBy(() -> answers.answer(
                        token,
                        new AnswerForm(AnswerKind.REGISTERED, null, null, null, "1234567890123", null),
                        "203.0.113.9"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).problems())
                        .extracting(p -> p.messageKey())
                        .containsExactly("reply.corporateNumber.invalid"));
        assertThatThrownBy(() -> answers.answer(
                        token,
                        new AnswerForm(AnswerKind.CANNOT, null, null, null, null, "x".repeat(1001)),
                        "203.0.113.9"))
                .isInstanceOf(ValidationException.class);
        assertThat(answers.answer(token, planned(), "203.0.113.9")).isTrue();
        // a group company registers: its 法人番号 (full-width digits are fine) is checked and kept
        assertThat(answers.answer(
                        token,
                        new AnswerForm(AnswerKind.REGISTERED, null, null, null, "４０１１００１０９８９９３", "親会社で登録"),
                        "203.0.113.9"))
                .isTrue();
        assertThat(answers.answer(token, planned(), "203.0.113.10")).isTrue();
        assertThatThrownBy(() -> answers.answer(token, planned(), "203.0.113.11"))
                .isInstanceOf(RequestAnswers.TooManyAnswersException.class);

        as("procurement");
        RequestDetails request = requests.find(id).orElseThrow();
        assertThat(request.state()).isEqualTo(RequestState.ANSWERED);
        assertThat(request.answers())
                .extracting(RequestAnswer::kind)
                .containsExactly(AnswerKind.PLANNED, AnswerKind.REGISTERED, AnswerKind.PLANNED);
        assertThat(request.answers().get(1).corporateNumber()).isEqualTo("4011001098993");
        assertThat(request.plannedDate()).isEqualTo(businessDate.today().plusMonths(3));
        assertThat(request.timeline()).extracting(RequestEvent::kind).containsSubsequence("SENT", "ANSWERED");
    }

    @Test
    void overdue_follows_the_business_date_and_each_reminder_goes_out_once() throws Exception {
        as("procurement");
        long supplier = supplierOf("HMC-PUR", 3);
        long id = sendTo(supplier, "late@supplier.test");
        assertThat(dispatchTo("late@supplier.test")).hasSize(1);
        assertThat(requests.find(id).orElseThrow().overdue()).isFalse();

        // the due date passed eight days ago (by the business date), with no answer
        dsl.update(SUPPLIER_REQUEST)
                .set(SUPPLIER_REQUEST.DUE_DATE, businessDate.today().minusDays(8))
                .where(SUPPLIER_REQUEST.ID.eq(id))
                .execute();
        assertThat(requests.find(id).orElseThrow().overdue()).isTrue();
        assertThat(requests.list(new RequestFilter(null, true, null), 0, 100))
                .extracting(RequestListItem::id)
                .contains(id);
        assertThat(requests.counts().overdue()).isPositive();

        automation.remind();
        automation.remind(); // a second run (another day, another node) sends nothing twice
        List<MimeMessage> mails = dispatchTo("late@supplier.test");
        assertThat(mails).hasSize(2);
        MimeMessage reminder = mails.get(1);
        assertThat(reminder.getSubject()).startsWith("【ご確認のお願い】");
        assertThat(token(reminder)).isNotEqualTo(token(mails.get(0)));
        assertThat(requests.find(id).orElseThrow().timeline())
                .extracting(RequestEvent::kind)
                .containsExactly("CREATED", "SENT", "REMINDED");
        assertThat(dispatchTo("late@supplier.test")).hasSize(2);
    }

    @Test
    void procurement_sees_requests_only_for_suppliers_of_their_units_in_the_service_and_the_api() throws Exception {
        as("risk");
        long elsewhere = supplierOnlyOf("HSK");
        long theirs = sendTo(elsewhere, "scope@supplier.test");

        as("procurement");
        assertThat(requests.find(theirs)).isEmpty();
        assertThat(requests.list(RequestFilter.none(), 0, 1000))
                .extracting(RequestListItem::id)
                .doesNotContain(theirs);
        assertThatThrownBy(() -> requests.suggest(elsewhere, "ja"))
                .isInstanceOf(jp.hoshimi.shared.NotFoundException.class);
        long ours = sendTo(supplierOf("HMC-PUR", 4), "scope-ours@supplier.test");

        assertThat(get("/api/v1/requests/" + theirs, "hsm_demo_procurement_token_0001")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/requests/" + theirs, "hsm_demo_risk_manager_token_0001")
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> list = get("/api/v1/requests?state=SENT", "hsm_demo_procurement_token_0001");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + ours).doesNotContain("\"id\":" + theirs + ",");
        HttpResponse<String> created = post(
                "/api/v1/requests",
                "hsm_demo_procurement_token_0001",
                "{\"supplierId\":" + elsewhere + ",\"contactEmail\":\"x@supplier.test\"}");
        assertThat(created.statusCode()).isEqualTo(404);
        HttpResponse<String> withdrawn =
                post("/api/v1/requests/" + ours + "/withdraw", "hsm_demo_procurement_token_0001", "{\"note\":\"API\"}");
        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(withdrawn.body()).contains("\"state\":\"WITHDRAWN\"");
        assertThat(get("/api/v1/requests?overdue=true", "hsm_demo_auditor_token_0001")
                        .statusCode())
                .isEqualTo(200);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_register_sync_that_shows_the_level_closes_the_request_by_itself() throws Exception {
        as("procurement");
        Record2<Long, String> supplier = missingSupplierOf("HMC-ELE", 0);
        long id = sendTo(supplier.value1(), "closing@supplier.test");
        String token = token(dispatchTo("closing@supplier.test").get(0));
        StarLevel asked = requests.find(id).orElseThrow().requestedLevel();

        Files.writeString(
                FEED,
                supplier.value2() + ",登録テスト株式会社," + asked.name() + ",2026-11-01,2029-10-31,ACTIVE,全社,\n",
                java.nio.file.StandardOpenOption.APPEND);
        as("admin");
        SyncRun run = registerSync.sync(RegisterKind.STAR, SyncRun.Trigger.MANUAL);
        assertThat(run.outcome().name()).isEqualTo("SUCCEEDED");

        as("procurement");
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .untilAsserted(() ->
                        assertThat(requests.find(id).orElseThrow().state()).isEqualTo(RequestState.DONE));
        RequestDetails done = requests.find(id).orElseThrow();
        assertThat(done.timeline().get(done.timeline().size() - 1).actor()).isEqualTo("system");
        assertThat(done.closeNote()).isEqualTo("register");
        assertThat(dsl.select(COMPLIANCE_FINDING.STATUS)
                        .from(COMPLIANCE_FINDING)
                        .where(COMPLIANCE_FINDING.SUPPLIER_ID.eq(supplier.value1()))
                        .fetch(COMPLIANCE_FINDING.STATUS))
                .doesNotContain(ComplianceStatus.MISSING, ComplianceStatus.INSUFFICIENT);
        SecurityContextHolder.clearContext();
        assertThat(answers.page(token)).isEmpty(); // closed: the link shows the neutral page
        assertThat(answers.answer(token, planned(), "192.0.2.1")).isFalse();
    }
}
