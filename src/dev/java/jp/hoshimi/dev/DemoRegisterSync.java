package jp.hoshimi.dev;

import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On the first start of the dev app, syncs the demo register at once instead of waiting for the schedule. */
@Component
@Order(20)
@ConditionalOnProperty("hoshimi.dev-db.active")
class DemoRegisterSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRegisterSync.class);

    private final RegisterSyncService sync;
    private final RegisterService register;
    private final SystemAuthentication system;

    /** Off in the test of what happens before the first sync (the test syncs when it is ready). */
    private final boolean atStart;

    DemoRegisterSync(
            RegisterSyncService sync,
            RegisterService register,
            SystemAuthentication system,
            @Value("${hoshimi.dev.register-sync-at-start:true}") boolean atStart) {
        this.atStart = atStart;
        this.sync = sync;
        this.register = register;
        this.system = system;
    }

    @Override
    public void run(ApplicationArguments args) {
        system.runAsSystem(() -> {
            if (atStart && register.freshness().lastSuccess() == null) {
                sync.syncAll(SyncRun.Trigger.MANUAL);
                log.info("Synced the demo register: {} entries", register.countEntries(null, null, false));
            }
        });
    }
}
