package jp.hoshimi.register;

import jp.hoshimi.shared.identity.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.springframework.stereotype.Component;

/**
 * The scheduled register sync (Quartz, clustered). Never two at once in the cluster
 * ({@code @DisallowConcurrentExecution}); the database lease in {@link RegisterSyncService} also stops a
 * manual sync or a paused node from applying at the same time. Runs as the system user.
 */
@Component
@DisallowConcurrentExecution
public class RegisterSyncJob implements Job {

    private final RegisterSyncService sync;
    private final SystemAuthentication system;

    public RegisterSyncJob(RegisterSyncService sync, SystemAuthentication system) {
        this.sync = sync;
        this.system = system;
    }

    @Override
    public void execute(JobExecutionContext context) {
        system.runAsSystem(() -> sync.syncAll(SyncRun.Trigger.SCHEDULE));
    }
}
