package jp.hoshimi.compliance;

import jp.hoshimi.shared.ClusteredJob;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The daily evaluation (dates move even when data does not: a registration expires at midnight in
 * Japan) and the day's trend snapshot. Quartz, clustered: one node runs it; a missed run (every node
 * down at 00:10) runs once when a node is back. On start-up, supplier statuses that differ from their
 * own standing are repaired, and a database that was never evaluated is evaluated at once.
 */
@Component
@DisallowConcurrentExecution
public class ComplianceDailyJob implements Job {

    static final JobKey JOB = JobKey.jobKey("compliance-daily", "compliance");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("compliance-daily", "compliance");

    private final ComplianceEvaluator evaluator;
    private final SystemAuthentication system;

    public ComplianceDailyJob(ComplianceEvaluator evaluator, SystemAuthentication system) {
        this.evaluator = evaluator;
        this.system = system;
    }

    @Override
    public void execute(JobExecutionContext context) {
        system.runAsSystem(evaluator::evaluateAll);
    }

    /** Registers the job and its cron trigger once per cluster; evaluates a never-evaluated database. */
    @Component
    static class Setup {

        private final Scheduler scheduler;
        private final ComplianceEvaluator evaluator;
        private final String cron;

        Setup(
                Scheduler scheduler,
                ComplianceEvaluator evaluator,
                @Value("${hoshimi.compliance.daily-cron:0 10 0 * * ?}") String cron) {
            this.scheduler = scheduler;
            this.evaluator = evaluator;
            this.cron = cron;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() throws SchedulerException {
            new ClusteredJob(scheduler, ComplianceDailyJob.class, JOB, TRIGGER, true)
                    .ensure(ClusteredJob.Timing.cron(cron));
            evaluator.repairSupplierStatuses();
            evaluator.evaluateIfNeverEvaluated();
        }
    }
}
