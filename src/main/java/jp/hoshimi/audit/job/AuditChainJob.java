package jp.hoshimi.audit.job;

import jp.hoshimi.audit.AuditChainCheck;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.shared.ClusteredJob;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks the audit log's hash chain once a day (Quartz, clustered: one node runs it); a break alerts the
 * administrators. Schedule: {@code hoshimi.audit.chain-check-cron} (default 03:30 Asia/Tokyo).
 */
@Component
@DisallowConcurrentExecution
public class AuditChainJob implements Job {

    public static final JobKey JOB = JobKey.jobKey("audit-chain-check", "audit");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("audit-chain-check", "audit");
    private static final Logger log = LoggerFactory.getLogger(AuditChainJob.class);

    private final AuditService audit;
    private final SystemAuthentication system;

    public AuditChainJob(AuditService audit, SystemAuthentication system) {
        this.audit = audit;
        this.system = system;
    }

    @Override
    public void execute(JobExecutionContext context) {
        AuditChainCheck check = system.callAsSystem(audit::verifyChainAndReport);
        if (check.isIntact()) {
            log.info("Audit log hash chain intact ({} events)", check.eventsChecked());
        } else {
            log.error("Audit log hash chain broken at event {}: {}", check.firstBrokenEventId(), check.problem());
        }
    }

    /** Registers the job and its daily trigger once per cluster. */
    @Component
    static class Setup {

        private final Scheduler scheduler;
        private final String cron;

        Setup(Scheduler scheduler, @Value("${hoshimi.audit.chain-check-cron:0 30 3 * * ?}") String cron) {
            this.scheduler = scheduler;
            this.cron = cron;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() throws SchedulerException {
            new ClusteredJob(scheduler, AuditChainJob.class, JOB, TRIGGER, true).ensure(ClusteredJob.Timing.cron(cron));
        }
    }
}
