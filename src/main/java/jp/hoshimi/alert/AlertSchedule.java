package jp.hoshimi.alert;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the dispatcher on the clustered Quartz schedule every {@code hoshimi.alert.dispatch-interval}
 * (0: not scheduled), and fires it at once when new alerts wait, so mails do not wait for the next tick.
 */
@Component
class AlertSchedule {

    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);
    static final JobKey JOB = JobKey.jobKey("alert-dispatch", "alert");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("alert-dispatch", "alert");

    private final Scheduler scheduler;
    private final AlertProperties properties;

    AlertSchedule(Scheduler scheduler, AlertProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureScheduled() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(AlertDispatchJob.class)
                .withIdentity(JOB)
                .storeDurably()
                .build();
        scheduler.addJob(job, true);
        if (properties.dispatchInterval().isZero()) {
            scheduler.unscheduleJob(TRIGGER);
            return;
        }
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
                .forJob(JOB)
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(
                                properties.dispatchInterval().toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            if (scheduler.checkExists(TRIGGER)) {
                scheduler.rescheduleJob(TRIGGER, trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            // fine: one trigger for the cluster
        }
    }

    /** Runs the dispatcher soon on some node (never two at once: the job disallows it). */
    void dispatchSoon() {
        if (properties.dispatchInterval().isZero()) {
            return;
        }
        try {
            scheduler.triggerJob(JOB);
        } catch (SchedulerException e) {
            log.warn("Could not start the alert dispatcher now; the schedule will: {}", e.getMessage());
        }
    }
}
