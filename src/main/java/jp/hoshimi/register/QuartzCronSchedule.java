package jp.hoshimi.register;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import jp.hoshimi.shared.ClusteredJob;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
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
    private final TriggerKey triggerKey;
    private final ClusteredJob job;
    /** Wall clock, not the business clock: a schedule runs in real time. */
    private final Clock clock;

    public QuartzCronSchedule(Scheduler scheduler, Class<? extends Job> job, String name, String group, Clock clock) {
        this.scheduler = scheduler;
        this.triggerKey = TriggerKey.triggerKey(name, group);
        this.job = new ClusteredJob(scheduler, job, JobKey.jobKey(name, group), triggerKey, true);
        this.clock = clock;
    }

    /**
     * Stores the job and keeps its trigger: the cron an administrator set (or that was set first), else
     * {@code defaultCron}; a restart replaces nothing that is already so.
     */
    public ClusteredJob.Outcome ensureScheduled(String defaultCron) throws SchedulerException {
        return job.ensure(ClusteredJob.Timing.cron(
                current().map(RegisterSchedule.Schedule::cron).orElse(defaultCron)));
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
            job.ensure(ClusteredJob.Timing.cron(expression));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public Date nextFire() {
        return current().map(RegisterSchedule.Schedule::nextFire).orElse(null);
    }
}
