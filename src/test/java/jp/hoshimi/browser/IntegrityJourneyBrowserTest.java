package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static jp.hoshimi.db.Tables.APP_LEASE;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15, items 2 and 7 in the browser: a sync run left behind by a node that died shows as interrupted
 * with its reason; an auditor checks the audit log's integrity and sees an edited event named.
 */
class IntegrityJourneyBrowserTest extends BrowserTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    RegisterSyncService sync;

    @Autowired
    SystemAuthentication system;

    @Test
    void a_sync_run_left_by_a_dead_node_shows_as_interrupted_with_its_reason() {
        LocalDateTime longAgo = LocalDateTime.now(ZoneOffset.UTC).minusHours(1);
        // what a node killed mid-sync leaves: its run RUNNING, its lease taken and lapsed
        long runId = dsl.insertInto(REGISTER_SYNC_RUN)
                .set(REGISTER_SYNC_RUN.KIND, "STAR")
                .set(REGISTER_SYNC_RUN.SOURCE_ID, "http:dead-node-test")
                .set(REGISTER_SYNC_RUN.TRIGGER_TYPE, "SCHEDULE")
                .set(REGISTER_SYNC_RUN.STARTED_BY, "system")
                .set(REGISTER_SYNC_RUN.STARTED_AT, longAgo)
                .set(REGISTER_SYNC_RUN.OUTCOME, "RUNNING")
                .set(REGISTER_SYNC_RUN.HOLDER, "node-b/5e1f2a3c")
                .set(REGISTER_SYNC_RUN.HEARTBEAT_AT, longAgo)
                .returning(REGISTER_SYNC_RUN.ID)
                .fetchOne(REGISTER_SYNC_RUN.ID);
        dsl.update(APP_LEASE)
                .set(APP_LEASE.HOLDER, "node-b/5e1f2a3c")
                .set(APP_LEASE.EXPIRES_AT, longAgo)
                .where(APP_LEASE.NAME.eq("register-sync"))
                .execute();
        system.runAsSystem(sync::recoverAbandonedRuns); // what every node does at start-up

        Page page = newPage("ja-JP");
        signIn(page, "admin", DEMO_PASSWORD);
        page.navigate(url("register"));
        page.locator("vaadin-tab")
                .filter(new Locator.FilterOptions().setHasText("同期の記録"))
                .click();
        assertThat(page.locator("#register-runs vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("実行していたサーバー（括弧内）が途中で停止しました")))
                .hasCount(1);
        assertThat(page.locator("#register-runs vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("node-b/5e1f2a3c")))
                .hasCount(1);
        screenshot(page, "integrity-01-interrupted-sync-run.png");
        dsl.deleteFrom(REGISTER_SYNC_RUN).where(REGISTER_SYNC_RUN.ID.eq(runId)).execute();
    }

    @Test
    void an_auditor_verifies_the_audit_log_and_sees_an_edited_event_named() {
        Page page = newPage("ja-JP");
        signIn(page, "auditor", DEMO_PASSWORD);
        page.navigate(url("audit"));
        page.locator("#audit-verify").click();
        assertThat(page.locator("#audit-chain-result")).containsText("改ざんなし");
        screenshot(page, "integrity-02-audit-log-intact.png");

        long edited = dsl.select(AUDIT_EVENT.ID)
                .from(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.ID)
                .limit(1)
                .offset(5)
                .fetchSingle(AUDIT_EVENT.ID);
        String actor = dsl.select(AUDIT_EVENT.ACTOR)
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ID.eq(edited))
                .fetchSingle(AUDIT_EVENT.ACTOR);
        // the attacker with the application's old database rights
        dsl.execute("update audit_event set actor = 'mallory' where id = ?", edited);
        try {
            page.locator("#audit-verify").click();
            assertThat(page.locator("#audit-chain-result")).containsText("イベント " + edited + " で改ざんを検出");
            screenshot(page, "integrity-03-audit-log-edited.png");
        } finally {
            dsl.execute("update audit_event set actor = ? where id = ?", actor, edited);
        }
    }
}
