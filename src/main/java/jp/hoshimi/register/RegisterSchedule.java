package jp.hoshimi.register;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import jp.hoshimi.shared.ClusteredJob;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
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
@RolesAllowed(Role.ADMIN_NAME)
public class RegisterSchedule implements EditableSchedule {

    static final JobKey JOB = JobKey.jobKey("register-sync", "register");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("register-sync", "register");
    static final TimeZone TOKYO = QuartzCronSchedule.TOKYO;

    private final RegisterProperties properties;
    private final QuartzCronSchedule schedule;

    RegisterSchedule(Scheduler scheduler, RegisterProperties properties, Clock clock) {
        this.properties = properties;
        this.schedule = new QuartzCronSchedule(scheduler, RegisterSyncJob.class, JOB.getName(), JOB.getGroup(), clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    @PermitAll // Spring calls it at start, before anyone signs in; the class default would refuse it
    void onReady() throws SchedulerException {
        ensureScheduled();
    }

    /** What every node does at start: the default cron when the cluster has no trigger yet, else nothing. */
    @PermitAll // called at start only, before anyone signs in
    ClusteredJob.Outcome ensureScheduled() throws SchedulerException {
        return schedule.ensureScheduled(properties.cron());
    }

    /** The current cron (Asia/Tokyo) and the next fire time. */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<Schedule> current() {
        return schedule.current();
    }

    public record Schedule(String cron, Date nextFire) {}

    /** The stored schedule as the simplest rule that has its cron (every N hours, daily at, or a cron). */
    @Override
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<ScheduleRule> currentRule() {
        return schedule.currentRule();
    }

    /**
     * The next runs a rule would make, to show before saving it.
     *
     * @throws ValidationException for an invalid rule, or one that never runs again
     */
    @Override
    public List<ZonedDateTime> preview(ScheduleRule rule, int count) {
        return schedule.preview(rule, count);
    }

    /** Sets a new cron (Quartz syntax, Asia/Tokyo). @throws ValidationException for an invalid expression */
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
    @Override
    @Transactional
    public void change(ScheduleRule rule) {
        schedule.change(rule);
    }
}
