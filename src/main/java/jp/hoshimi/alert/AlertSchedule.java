package jp.hoshimi.alert;

import jp.hoshimi.shared.ClusteredJob;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
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
    /** Without recovery: the next tick runs the dispatcher anyway, and a dead node's claims turn UNCERTAIN (0011). */
    private final ClusteredJob job;

    AlertSchedule(Scheduler scheduler, AlertProperties properties) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.job = new ClusteredJob(scheduler, AlertDispatchJob.class, JOB, TRIGGER, false);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureScheduled() throws SchedulerException {
        if (properties.dispatchInterval().isZero()) {
            job.unschedule();
        } else {
            job.ensure(ClusteredJob.Timing.every(properties.dispatchInterval()));
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
