package jp.hoshimi.register;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import jp.hoshimi.security.Role;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sync schedule lives in the clustered Quartz store: created with the configured default cron on
 * first start, then whatever an administrator sets (it survives restarts and is shared by all nodes).
 * A missed run (all nodes down) fires once as soon as a node is back, then the schedule continues.
 */
@Service
public class RegisterSchedule {

    static final JobKey JOB = JobKey.jobKey("register-sync", "register");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("register-sync", "register");
    static final TimeZone TOKYO = TimeZone.getTimeZone("Asia/Tokyo");

    private final Scheduler scheduler;
    private final RegisterProperties properties;
    /** Wall clock, not the business clock: a schedule runs in real time. */
    private final Clock clock;

    RegisterSchedule(Scheduler scheduler, RegisterProperties properties, Clock clock) {
        this.scheduler = scheduler;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureScheduled() throws SchedulerException {
        JobDetail job = JobBuilder.newJob(RegisterSyncJob.class)
                .withIdentity(JOB)
                .storeDurably()
                .requestRecovery(true)
                .build();
        scheduler.addJob(job, true);
        if (!scheduler.checkExists(TRIGGER)) {
            try {
                scheduler.scheduleJob(trigger(properties.cron()));
            } catch (org.quartz.ObjectAlreadyExistsException anotherNodeWasFaster) {
                // fine: one trigger for the cluster
            }
        }
    }

    /** The current cron (Asia/Tokyo) and the next fire time. */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<Schedule> current() {
        try {
            Trigger trigger = scheduler.getTrigger(TRIGGER);
            if (trigger instanceof CronTrigger cron) {
                return Optional.of(new Schedule(cron.getCronExpression(), cron.getNextFireTime()));
            }
            return Optional.empty();
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Schedule(String cron, Date nextFire) {}

    /** The stored schedule as the simplest rule that has its cron (every N hours, daily at, or a cron). */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<ScheduleRule> currentRule() {
        return current().map(s -> ScheduleRule.of(s.cron()));
    }

    /**
     * The next runs a rule would make, to show before saving it.
     *
     * @throws ValidationException for an invalid rule, or one that never runs again
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<ZonedDateTime> preview(ScheduleRule rule, int count) {
        List<ZonedDateTime> runs = rule.nextRuns(ZonedDateTime.now(clock), count);
        if (runs.isEmpty()) {
            throw new ValidationException(FieldProblem.of("cron", "register.schedule.never"));
        }
        return runs;
    }

    /** Sets a new cron (Quartz syntax, Asia/Tokyo). @throws ValidationException for an invalid expression */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void change(String cron) {
        change(new ScheduleRule.Cron(cron));
    }

    /**
     * Sets a new schedule. Quartz's Spring job store writes through the current transaction: without
     * one, the new trigger may never be committed.
     *
     * @throws ValidationException for an invalid rule, or one that never runs again
     */
    @RolesAllowed(Role.ADMIN_NAME)
    @Transactional
    public void change(ScheduleRule rule) {
        String expression = rule.cron();
        preview(rule, 1);
        try {
            scheduler.rescheduleJob(TRIGGER, trigger(expression));
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Trigger trigger(String cron) {
        return TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
                .forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                        .inTimeZone(TOKYO)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
