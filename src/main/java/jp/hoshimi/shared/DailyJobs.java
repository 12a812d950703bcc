package jp.hoshimi.shared;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * Registers a durable job with a cron trigger in business time (Asia/Tokyo) in the clustered store, once
 * for the cluster: one node runs it; a run missed while every node was down runs once when one is back.
 */
public final class DailyJobs {

    private DailyJobs() {}

    public static void schedule(
            Scheduler scheduler, Class<? extends Job> type, JobKey jobKey, TriggerKey triggerKey, String cron)
            throws SchedulerException {
        JobDetail job = JobBuilder.newJob(type)
                .withIdentity(jobKey)
                .storeDurably()
                .requestRecovery(true)
                .build();
        scheduler.addJob(job, true);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(java.util.TimeZone.getTimeZone(BusinessDate.ZONE))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            if (scheduler.checkExists(triggerKey)) {
                scheduler.rescheduleJob(triggerKey, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            // one trigger for the cluster
        }
    }
}
