package jp.hoshimi.register;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * One job on one cron trigger in the clustered Quartz store: created with a default cron on first start,
 * then whatever an administrator sets (it survives restarts and is shared by all nodes). A missed run (all
 * nodes down) fires once as soon as a node is back. Not a bean and no role checks: the services that own
 * a schedule ({@link RegisterSchedule}, the NTA difference fetch's) hold one and check the role.
 */
public final class QuartzCronSchedule {

    static final TimeZone TOKYO = TimeZone.getTimeZone("Asia/Tokyo");

    private final Scheduler scheduler;
    private final Class<? extends Job> job;
    private final JobKey jobKey;
    private final TriggerKey triggerKey;
    /** Wall clock, not the business clock: a schedule runs in real time. */
    private final Clock clock;

    public QuartzCronSchedule(Scheduler scheduler, Class<? extends Job> job, String name, String group, Clock clock) {
        this.scheduler = scheduler;
        this.job = job;
        this.jobKey = JobKey.jobKey(name, group);
        this.triggerKey = TriggerKey.triggerKey(name, group);
        this.clock = clock;
    }

    /** Stores the job and, when the cluster has no trigger for it yet, one with {@code defaultCron}. */
    public void ensureScheduled(String defaultCron) throws SchedulerException {
        JobDetail detail = JobBuilder.newJob(job)
                .withIdentity(jobKey)
                .storeDurably()
                .requestRecovery(true)
                .build();
        scheduler.addJob(detail, true);
        if (!scheduler.checkExists(triggerKey)) {
            try {
                scheduler.scheduleJob(trigger(defaultCron));
            } catch (org.quartz.ObjectAlreadyExistsException anotherNodeWasFaster) {
                // fine: one trigger for the cluster
            }
        }
    }

    /** The current cron (Asia/Tokyo) and the next fire time. */
    public Optional<RegisterSchedule.Schedule> current() {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey);
            if (trigger instanceof CronTrigger cron) {
                return Optional.of(new RegisterSchedule.Schedule(cron.getCronExpression(), cron.getNextFireTime()));
            }
            return Optional.empty();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<ScheduleRule> currentRule() {
        return current().map(s -> ScheduleRule.of(s.cron()));
    }

    public List<ZonedDateTime> preview(ScheduleRule rule, int count) {
        List<ZonedDateTime> runs = rule.nextRuns(ZonedDateTime.now(clock), count);
        if (runs.isEmpty()) {
            throw new ValidationException(FieldProblem.of("cron", "register.schedule.never"));
        }
        return runs;
    }

    /**
     * Sets a new schedule. Quartz's Spring job store writes through the current transaction: the caller
     * holds one, or the new trigger may never be committed.
     */
    public void change(ScheduleRule rule) {
        String expression = rule.cron();
        preview(rule, 1);
        try {
            scheduler.rescheduleJob(triggerKey, trigger(expression));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public Date nextFire() {
        return current().map(RegisterSchedule.Schedule::nextFire).orElse(null);
    }

    private Trigger trigger(String cron) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey)
                .forJob(jobKey)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TOKYO)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
