package jp.hoshimi.shared;

import java.time.Duration;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One durable job with one trigger in the clustered Quartz store, kept the way its owner wants it. Every
 * node calls {@link #ensure} at start (and an editable schedule on a change); the store holds one trigger
 * for the cluster. The one behaviour: a missing trigger is created, one whose timing differs (cron, time
 * zone, interval, misfire handling) is replaced, and one that already is as wanted is left alone — so a
 * restart does not replace it, and a run missed while every node was down still fires once when one is
 * back. Not a bean: each owner holds one for its job.
 */
public final class ClusteredJob {

    private static final Logger log = LoggerFactory.getLogger(ClusteredJob.class);

    /** What {@link #ensure} or {@link #unschedule} did to the stored trigger. */
    public enum Outcome {
        CREATED,
        RESCHEDULED,
        UNCHANGED,
        UNSCHEDULED
    }

    /** When a job runs. */
    public sealed interface Timing {

        /**
         * A Quartz cron in business time (Asia/Tokyo). A missed run fires once as soon as a node is back,
         * then the schedule continues.
         */
        static Timing cron(String expression) {
            return new Cron(expression, TimeZone.getTimeZone(BusinessDate.ZONE));
        }

        /** Every {@code interval} from now on; missed runs are skipped, not caught up. */
        static Timing every(Duration interval) {
            return new Every(interval);
        }

        boolean isMetBy(Trigger trigger);

        ScheduleBuilder<? extends Trigger> schedule();
    }

    record Cron(String expression, TimeZone zone) implements Timing {

        @Override
        public boolean isMetBy(Trigger trigger) {
            return trigger instanceof CronTrigger cron
                    && expression.equals(cron.getCronExpression())
                    && zone.getID().equals(cron.getTimeZone().getID())
                    && cron.getMisfireInstruction() == CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;
        }

        @Override
        public ScheduleBuilder<? extends Trigger> schedule() {
            return CronScheduleBuilder.cronSchedule(expression)
                    .inTimeZone(zone)
                    .withMisfireHandlingInstructionFireAndProceed();
        }

        @Override
        public String toString() {
            return "cron " + expression + " (" + zone.getID() + ")";
        }
    }

    record Every(Duration interval) implements Timing {

        @Override
        public boolean isMetBy(Trigger trigger) {
            return trigger instanceof SimpleTrigger simple
                    && simple.getRepeatInterval() == interval.toMillis()
                    && simple.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY
                    && simple.getMisfireInstruction()
                            == SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT;
        }

        @Override
        public ScheduleBuilder<? extends Trigger> schedule() {
            return SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(interval.toMillis())
                    .repeatForever()
                    .withMisfireHandlingInstructionNextWithRemainingCount();
        }

        @Override
        public String toString() {
            return "every " + interval;
        }
    }

    private final Scheduler scheduler;
    private final Class<? extends Job> type;
    private final JobKey jobKey;
    private final TriggerKey triggerKey;
    private final boolean recover;

    /**
     * @param recover whether a run whose node died mid-run is run again by another node (Quartz's
     *     {@code requestRecovery})
     */
    public ClusteredJob(
            Scheduler scheduler, Class<? extends Job> type, JobKey jobKey, TriggerKey triggerKey, boolean recover) {
        this.scheduler = scheduler;
        this.type = type;
        this.jobKey = jobKey;
        this.triggerKey = triggerKey;
        this.recover = recover;
    }

    /** Stores the job (its class may have changed since) and makes its trigger run at {@code timing}. */
    public Outcome ensure(Timing timing) throws SchedulerException {
        storeJob();
        Trigger stored = scheduler.getTrigger(triggerKey);
        if (stored != null && jobKey.equals(stored.getJobKey()) && timing.isMetBy(stored)) {
            return Outcome.UNCHANGED;
        }
        Trigger wanted = TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                .withSchedule(timing.schedule())
                .build();
        if (stored != null && scheduler.rescheduleJob(triggerKey, wanted) != null) {
            log.info("Rescheduled {}: {}", triggerKey, timing);
            return Outcome.RESCHEDULED;
        }
        try {
            scheduler.scheduleJob(wanted);
            log.info("Scheduled {}: {}", triggerKey, timing);
            return Outcome.CREATED;
        } catch (ObjectAlreadyExistsException anotherNodeWasFaster) {
            return Outcome.UNCHANGED; // one trigger for the cluster, made by the same code
        }
    }

    /** Stores the job without a trigger: it runs only when fired by hand. */
    public Outcome unschedule() throws SchedulerException {
        storeJob();
        return scheduler.unscheduleJob(triggerKey) ? Outcome.UNSCHEDULED : Outcome.UNCHANGED;
    }

    /** The stored trigger, if any. */
    public Optional<Trigger> trigger() throws SchedulerException {
        return Optional.ofNullable(scheduler.getTrigger(triggerKey));
    }

    private void storeJob() throws SchedulerException {
        scheduler.addJob(
                JobBuilder.newJob(type)
                        .withIdentity(jobKey)
                        .storeDurably()
                        .requestRecovery(recover)
                        .build(),
                true);
    }
}
