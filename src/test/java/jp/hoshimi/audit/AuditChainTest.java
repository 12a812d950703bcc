package jp.hoshimi.audit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.alert.Notification;
import jp.hoshimi.audit.job.AuditChainJob;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15, item 7: the audit log as a hash chain. Events are written through the application; the
 * tampering is done as an attacker with the database user would do it, in plain SQL.
 */
@TestPropertySource(properties = "hoshimi.dev-db.database=hoshimi_audit_chain")
class AuditChainTest extends KaribuTest {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditService audit;

    @Autowired
    AlertService alerts;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @Autowired
    Scheduler scheduler;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    UserDetailsService users;

    List<Long> written;

    @BeforeEach
    void writeThreeEvents() {
        long before = newestId();
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int i = 1; i <= 3; i++) {
            int n = i;
            transaction.executeWithoutResult(status -> system.runAsSystem(() -> trail.record(
                    "supplier", 900 + n, AuditAction.UPDATE, Map.of("name", "旧名" + n), Map.of("name", "新名" + n))));
        }
        written = dsl.select(AUDIT_EVENT.ID)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.gt(before))
                .and(AUDIT_EVENT.ENTITY_ID.in("901", "902", "903"))
                .orderBy(AUDIT_EVENT.ID)
                .fetch(AUDIT_EVENT.ID);
        assertThat(written).hasSize(3);
        assertThat(verify().isIntact()).as("the log before any tampering").isTrue();
    }

    @Test
    void each_event_carries_the_hash_of_the_one_before() {
        List<Record> rows = dsl.select(AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.in(written))
                .orderBy(AUDIT_EVENT.ID)
                .fetch()
                .map(r -> r);
        assertThat(rows.get(1).get(AUDIT_EVENT.PREV_HASH)).isEqualTo(rows.get(0).get(AUDIT_EVENT.HASH));
        assertThat(rows.get(2).get(AUDIT_EVENT.PREV_HASH)).isEqualTo(rows.get(1).get(AUDIT_EVENT.HASH));
        assertThat(rows).allSatisfy(r -> assertThat(r.get(AUDIT_EVENT.HASH)).hasSize(64));
    }

    @Test
    void a_bulk_write_of_an_import_continues_the_chain() {
        long before = newestId();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> system.runAsSystem(() -> trail.recordAll(
                        "supplier",
                        List.of(
                                new AuditTrail.Event(911, AuditAction.CREATE, null, Map.of("name", "一括1")),
                                new AuditTrail.Event(912, AuditAction.CREATE, null, Map.of("name", "一括2")),
                                new AuditTrail.Event(
                                        913, AuditAction.UPDATE, Map.of("name", "旧"), Map.of("name", "一括3"))))));
        List<Record> rows = dsl.select(AUDIT_EVENT.ID, AUDIT_EVENT.PREV_HASH, AUDIT_EVENT.HASH)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.gt(before))
                .orderBy(AUDIT_EVENT.ID)
                .fetch()
                .map(r -> r);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(2).get(AUDIT_EVENT.PREV_HASH)).isEqualTo(rows.get(1).get(AUDIT_EVENT.HASH));
        assertThat(verify().isIntact()).as("the chain after a bulk write").isTrue();
        Long middle = rows.get(1).get(AUDIT_EVENT.ID);
        String original = dsl.select(AUDIT_EVENT.AFTER_JSON)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.eq(middle))
                .fetchOne(AUDIT_EVENT.AFTER_JSON);
        dsl.execute("update audit_event set after_json = '{\"name\":\"改ざん\"}' where id = ?", middle);
        try {
            assertThat(verify().firstBrokenEventId()).isEqualTo(middle);
        } finally {
            dsl.execute("update audit_event set after_json = ? where id = ?", original, middle);
        }
    }

    @Test
    void an_event_edited_in_sql_is_detected_at_its_id() {
        long middle = written.get(1);
        String original = dsl.fetchValue("select after_json from audit_event where id = ?", middle)
                .toString();
        dsl.execute("update audit_event set after_json = '{\"name\":\"書き換え\"}' where id = ?", middle);
        try {
            AuditChainCheck check = verify();

            assertThat(check.isIntact()).isFalse();
            assertThat(check.firstBrokenEventId()).isEqualTo(middle);
            assertThat(check.problem()).isEqualTo(AuditChainCheck.Break.EVENT_CHANGED);
        } finally {
            dsl.execute("update audit_event set after_json = ? where id = ?", original, middle);
        }
        assertThat(verify().isIntact()).as("put back as it was").isTrue();
    }

    @Test
    void an_edit_with_its_own_hash_recomputed_is_detected_at_the_next_event() throws IOException {
        long middle = written.get(1);
        String original = dsl.fetchValue("select actor from audit_event where id = ?", middle)
                .toString();
        dsl.execute("update audit_event set actor = 'mallory' where id = ?", middle);
        rehash(middle); // the attacker knows the algorithm: the edited event is consistent in itself
        try {
            AuditChainCheck check = verify();

            assertThat(check.firstBrokenEventId()).isEqualTo(written.get(2));
            assertThat(check.problem()).isEqualTo(AuditChainCheck.Break.EVENT_MISSING_BEFORE);
        } finally {
            dsl.execute("update audit_event set actor = ? where id = ?", original, middle);
            rehash(middle);
        }
        assertThat(verify().isIntact()).isTrue();
    }

    /** Recomputes one event's hash from its content and its stored previous hash, with V22's own SQL. */
    private void rehash(long id) throws IOException {
        String one = backfillStatement().replace("ORDER BY id", "WHERE id = " + id + " ORDER BY id");
        dsl.connection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("set @audit_prev := (select prev_hash from audit_event where id = " + id + ")");
                statement.execute(one);
            }
        });
    }

    @Test
    void a_deleted_event_is_detected_at_the_event_after_it() {
        AuditChainCheck check = withEventDeleted(written.get(1), this::verify);

        assertThat(check.firstBrokenEventId()).isEqualTo(written.get(2));
        assertThat(check.problem()).isEqualTo(AuditChainCheck.Break.EVENT_MISSING_BEFORE);
        assertThat(verify().isIntact()).isTrue();
    }

    @Test
    void deleting_the_newest_events_is_detected_too() {
        AuditChainCheck check = withEventDeleted(written.get(2), this::verify);

        assertThat(check.problem()).isEqualTo(AuditChainCheck.Break.EVENTS_MISSING_AT_END);
        assertThat(check.firstBrokenEventId()).isEqualTo(written.get(1));
    }

    @Test
    void the_migration_backfill_computes_the_same_chain_as_the_application() throws IOException {
        String backfill = backfillStatement();
        // as before V22: events without hashes; then V22's own statement chains them in id order
        dsl.connection(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("update audit_event set prev_hash = null, hash = null");
                statement.execute("set @audit_prev := repeat('0', 64)");
                statement.execute(backfill);
            }
        });

        assertThat(verify().isIntact()).isTrue();
        assertThat(verify().eventsChecked()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_daily_job_alerts_the_administrators_when_the_chain_is_broken() throws Exception {
        long middle = written.get(0);
        String original = dsl.fetchValue("select actor from audit_event where id = ?", middle)
                .toString();
        dsl.execute("update audit_event set actor = 'mallory' where id = ?", middle);
        try {
            scheduler.triggerJob(AuditChainJob.JOB); // through the clustered scheduler, as at 03:30

            Notification alert = pollForAdminAlert(Duration.ofMinutes(1));
            assertThat(alert.alert().kind()).isEqualTo(AlertKind.AUDIT_CHAIN_BROKEN);
            assertThat(alert.alert().details()).containsEntry("eventId", String.valueOf(middle));
            assertThat(alert.alert().link()).isEqualTo("audit");
        } finally {
            dsl.execute("update audit_event set actor = ? where id = ?", original, middle);
        }
    }

    @Test
    void an_auditor_verifies_the_log_on_the_audit_screen() {
        signInAs(Locale.ENGLISH, Role.AUDITOR);
        UI.getCurrent().navigate("audit");

        _click(_get(Button.class, spec -> spec.withId("audit-verify")));
        assertThat(_get(Span.class, spec -> spec.withId("audit-chain-result")).getText())
                .startsWith("Intact: ");

        long middle = written.get(1);
        String original = dsl.fetchValue("select actor from audit_event where id = ?", middle)
                .toString();
        dsl.execute("update audit_event set actor = 'mallory' where id = ?", middle);
        try {
            _click(_get(Button.class, spec -> spec.withId("audit-verify")));
            assertThat(_get(Span.class, spec -> spec.withId("audit-chain-result"))
                            .getText())
                    .isEqualTo("Broken at event " + middle
                            + ": this event was edited after it was written (its content no longer matches its hash).");
        } finally {
            dsl.execute("update audit_event set actor = ? where id = ?", original, middle);
        }
    }

    @Test
    void the_application_never_updates_or_deletes_audit_rows() throws IOException {
        // the database grants (docs/security.md) would refuse it in production: nothing in the code may try
        Pattern writes = Pattern.compile(
                "(?is)(update\\s*\\(\\s*AUDIT_EVENT|deleteFrom\\s*\\(\\s*AUDIT_EVENT|delete\\s*\\(\\s*AUDIT_EVENT"
                        + "|update\\s+audit_event|delete\\s+from\\s+audit_event|truncate\\s+(table\\s+)?audit_event)");
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main")), Files.walk(Path.of("src/dev")))) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql"))
                    .filter(f -> {
                        try {
                            Matcher m = writes.matcher(Files.readString(f, StandardCharsets.UTF_8));
                            return m.find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString)
                    .toList();
            assertThat(offenders).isEmpty();
        }
    }

    private Notification pollForAdminAlert(Duration deadline) {
        var admin = users.loadUserByUsername("admin");
        return await().atMost(deadline)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> brokenChainAlertSeenBy(admin), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<Notification> brokenChainAlertSeenBy(UserDetails admin) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return alerts.notifications(false, 0, 50).stream()
                    .filter(n -> n.alert().kind() == AlertKind.AUDIT_CHAIN_BROKEN)
                    .findFirst();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Runs the check with the event deleted (as an attacker would), then puts the very row back. */
    private AuditChainCheck withEventDeleted(long id, java.util.function.Supplier<AuditChainCheck> check) {
        dsl.execute("create temporary table saved_event as select * from audit_event where id = ?", id);
        dsl.execute("delete from audit_event where id = ?", id);
        try {
            return check.get();
        } finally {
            dsl.execute("insert into audit_event select * from saved_event");
            dsl.execute("drop temporary table saved_event");
        }
    }

    private AuditChainCheck verify() {
        return system.callAsSystem(audit::verifyChain);
    }

    private long newestId() {
        Long id = dsl.select(org.jooq.impl.DSL.max(AUDIT_EVENT.ID))
                .from(AUDIT_EVENT)
                .fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    /** The UPDATE in V22 that chains the events written before it. */
    private static String backfillStatement() throws IOException {
        String migration = Files.readString(
                Path.of("db-migrations", "V22__short_leases_and_audit_chain.sql"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?s)(UPDATE audit_event.*?ORDER BY id);").matcher(migration);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
