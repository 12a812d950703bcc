package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;

import jp.hoshimi.shared.ClusteredJob.Outcome;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The register's sync schedule in the clustered Quartz store the app runs on: an administrator's change
 * replaces the stored trigger, and a node that starts afterwards keeps it as it is (issue 16).
 */
@SpringBootTest
class RegisterScheduleTest {

    /** An administrator's choice that does not fire while the test runs. */
    static final String ADMINS_CRON = "0 15 4 1 1 ? 2099";

    @Autowired
    RegisterSchedule schedule;

    @Autowired
    RegisterProperties properties;

    @Autowired
    SystemAuthentication system;

    @Autowired
    Scheduler scheduler;

    @Autowired
    DSLContext dsl;

    @Test
    void an_administrators_cron_replaces_the_stored_trigger_and_a_restart_keeps_it_untouched() throws Exception {
        String before = storedCron();
        try {
            system.runAsSystem(() -> schedule.change(new ScheduleRule.Cron(ADMINS_CRON)));
            assertThat(storedCron()).isEqualTo(ADMINS_CRON);
            assertThat(storedZone()).isEqualTo("Asia/Tokyo");
            long changedAt = storedStart();

            // what every node does when it starts: the configured default differs, the administrator's cron stays
            assertThat(properties.cron()).isNotEqualTo(ADMINS_CRON);
            assertThat(schedule.ensureScheduled()).isEqualTo(Outcome.UNCHANGED);

            assertThat(storedCron()).isEqualTo(ADMINS_CRON);
            assertThat(storedStart()).isEqualTo(changedAt);
        } finally {
            system.runAsSystem(() -> schedule.change(before));
        }
        assertThat(storedCron()).isEqualTo(before);
    }

    @Test
    void a_cluster_without_a_trigger_gets_the_configured_cron_at_start() throws Exception {
        String before = storedCron();
        try {
            scheduler.unscheduleJob(RegisterSchedule.TRIGGER);
            assertThat(storedCron()).isNull();

            assertThat(schedule.ensureScheduled()).isEqualTo(Outcome.CREATED);
            assertThat(storedCron()).isEqualTo(properties.cron());
            assertThat(schedule.ensureScheduled()).isEqualTo(Outcome.UNCHANGED);
        } finally {
            system.runAsSystem(() -> schedule.change(before));
        }
        assertThat(storedCron()).isEqualTo(before);
    }

    String storedCron() {
        return (String) dsl.fetchValue(
                "select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                schedulerName(),
                RegisterSchedule.TRIGGER.getName());
    }

    String storedZone() {
        return (String) dsl.fetchValue(
                "select TIME_ZONE_ID from QRTZ_CRON_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                schedulerName(),
                RegisterSchedule.TRIGGER.getName());
    }

    long storedStart() {
        return ((Number) dsl.fetchValue(
                        "select START_TIME from QRTZ_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                        schedulerName(),
                        RegisterSchedule.TRIGGER.getName()))
                .longValue();
    }

    String schedulerName() {
        try {
            return scheduler.getSchedulerName();
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
