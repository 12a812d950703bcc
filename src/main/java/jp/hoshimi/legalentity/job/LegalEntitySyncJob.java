package jp.hoshimi.legalentity.job;

import jp.hoshimi.legalentity.LegalEntityRun.Trigger;
import jp.hoshimi.legalentity.LegalEntitySyncService;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;

/**
 * The scheduled NTA difference fetch (Quartz, clustered; never two at once in the cluster). Runs as the
 * system user; with no source configured it does nothing. Applies are serialised across nodes by the lock
 * on the source row, so a "sync now" on another node at the same moment applies after it, idempotently.
 */
@Component
@DisallowConcurrentExecution
public class LegalEntitySyncJob implements Job {

    private final LegalEntitySyncService sync;
    private final SystemAuthentication system;

    public LegalEntitySyncJob(LegalEntitySyncService sync, SystemAuthentication system) {
        this.sync = sync;
        this.system = system;
    }

    @Override
    public void execute(JobExecutionContext context) {
        system.runAsSystem(() -> sync.sync(Trigger.SCHEDULE));
    }
}
