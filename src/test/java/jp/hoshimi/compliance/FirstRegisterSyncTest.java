package jp.hoshimi.compliance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_OUTBOX;
import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.Set;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.compliance.ui.WaitingForSync;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Issue 13, point 2: a new installation with its contracts loaded but the register never read. Nothing is
 * evaluated until the first successful sync (start-up, daily job, edits all wait; the screens say so), and
 * the first evaluation after it has no "before" and tells nobody of a change. Its own database, with the
 * dev app's sync at start-up turned off so the test decides when the first sync happens.
 */
@SpringBootTest(properties = {"hoshimi.dev-db.database=hoshimi_first_sync", "hoshimi.dev.register-sync-at-start=false"})
class FirstRegisterSyncTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    SystemAuthentication system;

    @Autowired
    ComplianceDailyJob dailyJob;

    @Autowired
    ComplianceService compliance;

    @Autowired
    RegisterSyncService sync;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    jp.hoshimi.shared.BusinessDate businessDate;

    @Test
    void nothing_is_evaluated_before_the_first_sync_and_the_first_evaluation_has_no_before() {
        long contracts = dsl.fetchCount(CONTRACT);
        assertThat(contracts).as("the demo contracts are loaded").isGreaterThan(40);

        // start-up has run; now the daily job, an edit and an administrator's "evaluate all"
        dailyJob.execute(null);
        long someContract = dsl.select(CONTRACT.ID).from(CONTRACT).limit(1).fetchSingle(CONTRACT.ID);
        events.publishEvent(new MasterDataChangedEvent(Set.of(), Set.of(someContract)));
        system.runAsSystem(compliance::evaluateAll);

        assertThat(dsl.fetchCount(COMPLIANCE_FINDING)).isZero();
        assertThat(dsl.fetchCount(CONTRACT_COMPLIANCE)).isZero();
        assertThat(dsl.fetchCount(COMPLIANCE_EVENT)).isZero();

        signInAsUser("risk");
        UI.getCurrent().navigate("");
        assertThat(_get(WaitingForSync.class).getElement().getTextRecursively()).contains("台帳の初回同期を待っています");

        // the sync runs as the scheduler does: no UI, no person signed in
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        system.runAsSystem(() -> sync.syncAll(SyncRun.Trigger.MANUAL));

        int open = dsl.fetchCount(CONTRACT, CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.ge(businessDate.today())));
        assertThat(dsl.fetchCount(CONTRACT_COMPLIANCE))
                .as("every contract not ended is evaluated")
                .isEqualTo(open);
        assertThat(dsl.fetchCount(COMPLIANCE_FINDING, COMPLIANCE_FINDING.STATUS.ne(ComplianceStatus.OK)))
                .as("the demo register leaves some suppliers failing")
                .isPositive();
        assertThat(dsl.fetchCount(COMPLIANCE_FINDING, COMPLIANCE_FINDING.PREVIOUS_STATUS.isNotNull()))
                .isZero();
        assertThat(dsl.fetchCount(CONTRACT_COMPLIANCE, CONTRACT_COMPLIANCE.PREVIOUS_STATUS.isNotNull()))
                .isZero();
        assertThat(dsl.fetchCount(COMPLIANCE_EVENT, COMPLIANCE_EVENT.SUBJECT.eq("LINK")))
                .as("a baseline is no change")
                .isZero();
        assertThat(dsl.fetchCount(ALERT, ALERT.KIND.in(AlertKind.STATUS, AlertKind.EXPIRING, AlertKind.RESOLVED)))
                .isZero();
        assertThat(dsl.fetchCount(ALERT_OUTBOX)).isZero();

        signInAsUser("risk");
        UI.getCurrent().navigate("");
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(WaitingForSync.class))
                .isEmpty();
    }
}
