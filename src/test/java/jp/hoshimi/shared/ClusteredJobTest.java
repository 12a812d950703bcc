package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import jp.hoshimi.shared.ClusteredJob.Outcome;
import jp.hoshimi.shared.ClusteredJob.Timing;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The one scheduling behaviour, against the clustered JDBC store the app runs on (read back from its tables). */
@SpringBootTest
class ClusteredJobTest {

    static final JobKey JOB = JobKey.jobKey("clustered-job-test", "test");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("clustered-job-test", "test");
    /** Never fires while the test runs. */
    static final String FAR = "0 0 3 1 1 ? 2099";

    static final String OTHER_FAR = "0 0 4 1 1 ? 2099";
    static final Date LONG_AGO = Date.from(Instant.parse("2020-01-01T00:00:00Z"));
    static final Date LATER = Date.from(Instant.parse("2098-01-01T00:00:00Z"));

    @Autowired
    Scheduler scheduler;

    @Autowired
    DSLContext dsl;

    ClusteredJob job() {
        return new ClusteredJob(scheduler, NoOpJob.class, JOB, TRIGGER, true);
    }

    @AfterEach
    void removeTheJob() throws Exception {
        scheduler.deleteJob(JOB);
    }

    @Test
    void a_missing_trigger_is_created_in_business_time_and_the_job_stored_durably() throws Exception {
        assertThat(job().ensure(Timing.cron(FAR))).isEqualTo(Outcome.CREATED);

        assertThat(storedCron()).isEqualTo(FAR);
        assertThat(storedZone()).isEqualTo("Asia/Tokyo");
        assertThat(scheduler.getJobDetail(JOB).isDurable()).isTrue();
        assertThat(scheduler.getJobDetail(JOB).requestsRecovery()).isTrue();
    }

    @Test
    void a_restart_with_the_same_cron_leaves_the_stored_trigger_alone() throws Exception {
        store(CronScheduleBuilder.cronSchedule(FAR)
                .inTimeZone(TimeZone.getTimeZone("Asia/Tokyo"))
                .withMisfireHandlingInstructionFireAndProceed());

        assertThat(job().ensure(Timing.cron(FAR))).isEqualTo(Outcome.UNCHANGED);

        // a replaced trigger would start now: this one still starts when it was first stored
        assertThat(storedStart()).isEqualTo(LONG_AGO.getTime());
    }

    @Test
    void a_changed_cron_replaces_the_stored_trigger() throws Exception {
        store(CronScheduleBuilder.cronSchedule(FAR)
                .inTimeZone(TimeZone.getTimeZone("Asia/Tokyo"))
                .withMisfireHandlingInstructionFireAndProceed());

        assertThat(job().ensure(Timing.cron(OTHER_FAR))).isEqualTo(Outcome.RESCHEDULED);

        assertThat(storedCron()).isEqualTo(OTHER_FAR);
        assertThat(storedStart()).isGreaterThan(LONG_AGO.getTime());
        assertThat(job().ensure(Timing.cron(OTHER_FAR))).isEqualTo(Outcome.UNCHANGED);
    }

    @Test
    void the_same_cron_in_another_time_zone_or_with_other_misfire_handling_is_replaced() throws Exception {
        store(CronScheduleBuilder.cronSchedule(FAR)
                .inTimeZone(TimeZone.getTimeZone("UTC"))
                .withMisfireHandlingInstructionFireAndProceed());
        assertThat(job().ensure(Timing.cron(FAR))).isEqualTo(Outcome.RESCHEDULED);
        assertThat(storedZone()).isEqualTo("Asia/Tokyo");

        scheduler.unscheduleJob(TRIGGER);
        store(CronScheduleBuilder.cronSchedule(FAR)
                .inTimeZone(TimeZone.getTimeZone("Asia/Tokyo"))
                .withMisfireHandlingInstructionDoNothing());
        assertThat(job().ensure(Timing.cron(FAR))).isEqualTo(Outcome.RESCHEDULED);
        assertThat(((Number) dsl.fetchValue(
                                "select MISFIRE_INSTR from QRTZ_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                                scheduler.getSchedulerName(),
                                TRIGGER.getName()))
                        .intValue())
                .isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
    }

    @Test
    void an_interval_is_kept_when_the_same_and_replaced_when_it_changes() throws Exception {
        store(SimpleScheduleBuilder.simpleSchedule()
                .withIntervalInMilliseconds(Duration.ofHours(1).toMillis())
                .repeatForever()
                .withMisfireHandlingInstructionNextWithRemainingCount());

        assertThat(job().ensure(Timing.every(Duration.ofHours(1)))).isEqualTo(Outcome.UNCHANGED);
        assertThat(storedStart()).isEqualTo(LATER.getTime());

        assertThat(job().ensure(Timing.every(Duration.ofHours(2)))).isEqualTo(Outcome.RESCHEDULED);
        assertThat(((Number) dsl.fetchValue(
                                "select REPEAT_INTERVAL from QRTZ_SIMPLE_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                                scheduler.getSchedulerName(),
                                TRIGGER.getName()))
                        .longValue())
                .isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(storedStart()).isLessThan(LATER.getTime());
    }

    @Test
    void a_cron_trigger_is_replaced_by_an_interval_and_unscheduling_keeps_the_job() throws Exception {
        job().ensure(Timing.cron(FAR));
        assertThat(job().ensure(Timing.every(Duration.ofDays(1)))).isEqualTo(Outcome.RESCHEDULED);
        assertThat(storedCron()).isNull();

        assertThat(job().unschedule()).isEqualTo(Outcome.UNSCHEDULED);
        assertThat(scheduler.checkExists(TRIGGER)).isFalse();
        assertThat(scheduler.checkExists(JOB)).isTrue();
        assertThat(job().unschedule()).isEqualTo(Outcome.UNCHANGED);
    }

    /** A trigger as an earlier start stored it, with a start time no start now would give. */
    void store(ScheduleBuilder<? extends Trigger> schedule) throws Exception {
        if (!scheduler.checkExists(JOB)) {
            scheduler.addJob(
                    JobBuilder.newJob(NoOpJob.class)
                            .withIdentity(JOB)
                            .storeDurably()
                            .requestRecovery(true)
                            .build(),
                    true);
        }
        scheduler.scheduleJob(TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
                .forJob(JOB)
                .startAt(schedule instanceof SimpleScheduleBuilder ? LATER : LONG_AGO)
                .withSchedule(schedule)
                .build());
    }

    String storedCron() throws Exception {
        return (String) dsl.fetchValue(
                "select CRON_EXPRESSION from QRTZ_CRON_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                scheduler.getSchedulerName(),
                TRIGGER.getName());
    }

    String storedZone() throws Exception {
        return (String) dsl.fetchValue(
                "select TIME_ZONE_ID from QRTZ_CRON_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                scheduler.getSchedulerName(),
                TRIGGER.getName());
    }

    long storedStart() throws Exception {
        return ((Number) dsl.fetchValue(
                        "select START_TIME from QRTZ_TRIGGERS where SCHED_NAME = ? and TRIGGER_NAME = ?",
                        scheduler.getSchedulerName(),
                        TRIGGER.getName()))
                .longValue();
    }

    /** Runs when a test's interval trigger starts now; does nothing. */
    public static class NoOpJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }
}
