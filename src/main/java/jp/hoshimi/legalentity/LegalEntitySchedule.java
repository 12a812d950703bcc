package jp.hoshimi.legalentity;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.legalentity.job.LegalEntitySyncJob;
import jp.hoshimi.register.EditableSchedule;
import jp.hoshimi.register.QuartzCronSchedule;
import jp.hoshimi.register.ScheduleRule;
import jp.hoshimi.shared.identity.Role;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the NTA difference fetch runs: in the clustered Quartz store, daily by default
 * ({@code hoshimi.legal-entity.cron}), then as an administrator sets it, like the register's schedule.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class LegalEntitySchedule implements EditableSchedule {

    private final LegalEntityProperties properties;
    private final QuartzCronSchedule schedule;

    LegalEntitySchedule(Scheduler scheduler, LegalEntityProperties properties, Clock clock) {
        this.properties = properties;
        this.schedule =
                new QuartzCronSchedule(scheduler, LegalEntitySyncJob.class, "legal-entity-sync", "legal-entity", clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    @PermitAll // Spring calls it at start, before anyone signs in; the class default would refuse it
    void ensureScheduled() throws SchedulerException {
        schedule.ensureScheduled(properties.cron());
    }

    @Override
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<ScheduleRule> currentRule() {
        return schedule.currentRule();
    }

    /** The next scheduled fetch; null when there is none. */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Date nextFire() {
        return schedule.nextFire();
    }

    @Override
    public List<ZonedDateTime> preview(ScheduleRule rule, int count) {
        return schedule.preview(rule, count);
    }

    /** Quartz's Spring job store writes through the current transaction: without one, nothing is committed. */
    @Override
    @Transactional
    public void change(ScheduleRule rule) {
        schedule.change(rule);
    }
}
