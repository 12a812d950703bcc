package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.APP_LEASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluation lock is a written row of {@code app_lease}, held until the evaluation's transaction ends
 * (docs/decisions/0042): a second evaluation waits for it and gives up after its timeout; once the first
 * commits, the lock is free and reads as free (the holder is cleared before the commit).
 */
@SpringBootTest
class EvaluationLockTest {

    @Autowired
    ComplianceRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DSLContext dsl;

    final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTheOtherThread() {
        other.shutdownNow();
    }

    private TransactionTemplate newTransaction() {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }

    @Test
    void a_second_evaluation_waits_for_the_first_to_commit_and_gives_up_after_its_timeout() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> first = other.submit(() -> newTransaction().execute(status -> {
            boolean got = repository.lock(5);
            held.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return got;
        }));
        assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();

        Boolean second = newTransaction().execute(status -> repository.lock(1));
        assertThat(second).isFalse();

        release.countDown();
        assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        Boolean afterCommit = newTransaction().execute(status -> repository.lock(5));
        assertThat(afterCommit).isTrue();
        assertThat(dsl.select(APP_LEASE.HOLDER)
                        .from(APP_LEASE)
                        .where(APP_LEASE.NAME.eq(ComplianceRepository.LOCK_NAME))
                        .fetchSingle(APP_LEASE.HOLDER))
                .isNull();
    }

    @Test
    void while_held_the_lease_row_names_the_database_connection_that_holds_it() {
        String holder = newTransaction().execute(status -> {
            assertThat(repository.lock(5)).isTrue();
            String during = dsl.select(APP_LEASE.HOLDER)
                    .from(APP_LEASE)
                    .where(APP_LEASE.NAME.eq(ComplianceRepository.LOCK_NAME))
                    .fetchSingle(APP_LEASE.HOLDER);
            return during;
        });
        assertThat(holder).as("the database host and connection that hold it").matches(".+#\\d+");
    }
}
