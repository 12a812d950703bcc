package jp.hoshimi.outreach.job;

import jp.hoshimi.outreach.RequestAutomation;
import jp.hoshimi.shared.ClusteredJob;
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

/** Every morning (Asia/Tokyo): reminders and overdue notices of requests to suppliers (issue 19). */
@Component
@DisallowConcurrentExecution
public class RequestDailyJob implements Job {

    static final JobKey JOB = JobKey.jobKey("request-reminders", "outreach");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("request-reminders", "outreach");

    private final RequestAutomation automation;

    public RequestDailyJob(RequestAutomation automation) {
        this.automation = automation;
    }

    @Override
    public void execute(JobExecutionContext context) {
        automation.remind();
    }

    /** Registers the job and its cron trigger once per cluster. */
    @Component
    static class Setup {

        private final Scheduler scheduler;
        private final String cron;

        Setup(Scheduler scheduler, @Value("${hoshimi.requests.remind-cron:0 0 9 * * ?}") String cron) {
            this.scheduler = scheduler;
            this.cron = cron;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() throws SchedulerException {
            new ClusteredJob(scheduler, RequestDailyJob.class, JOB, TRIGGER, true)
                    .ensure(ClusteredJob.Timing.cron(cron));
        }
    }
}
