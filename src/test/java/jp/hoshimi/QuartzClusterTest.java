package jp.hoshimi;

import static org.assertj.core.api.Assertions.assertThat;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest
class QuartzClusterTest {

    @Autowired
    Scheduler scheduler;

    @Autowired
    DSLContext dsl;

    @Test
    void the_scheduler_uses_the_clustered_persistent_jdbc_store() throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        assertThat(meta.isJobStoreClustered()).isTrue();
        assertThat(meta.isJobStoreSupportsPersistence()).isTrue();
        assertThat(meta.getSchedulerName()).startsWith("hoshimi"); // one name per test context: see test properties
        assertThat(scheduler.isStarted()).isTrue();
    }

    @Test
    void a_scheduled_job_is_stored_in_mariadb_and_this_node_checks_in() throws Exception {
        JobKey key = JobKey.jobKey("quartz-cluster-test", "test");
        JobDetail job = JobBuilder.newJob(NoOpJob.class)
                .withIdentity(key)
                .storeDurably()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .forJob(job)
                .withIdentity("quartz-cluster-test", "test")
                .withSchedule(CronScheduleBuilder.cronSchedule("0 0 3 1 1 ? 2099"))
                .build();
        scheduler.scheduleJob(job, trigger);
        try {
            assertThat(dsl.fetchValue(
                            "select count(*) from QRTZ_JOB_DETAILS where JOB_NAME = ? and SCHED_NAME = ?",
                            key.getName(),
                            scheduler.getSchedulerName()))
                    .isEqualTo(1L);
            assertThat(dsl.fetchValue("select count(*) from QRTZ_CRON_TRIGGERS where TRIGGER_NAME = ?", key.getName()))
                    .isEqualTo(1L);
            // a clustered node writes its check-in row; a RAM store or a non-clustered one would not
            assertThat(dsl.fetchValue(
                            "select count(*) from QRTZ_SCHEDULER_STATE where INSTANCE_NAME = ?",
                            scheduler.getSchedulerInstanceId()))
                    .isEqualTo(1L);
        } finally {
            scheduler.deleteJob(key);
        }
        assertThat(dsl.fetchValue("select count(*) from QRTZ_JOB_DETAILS where JOB_NAME = ?", key.getName()))
                .isEqualTo(0L);
    }

    public static class NoOpJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }
}
