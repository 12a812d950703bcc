package jp.hoshimi.shared.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import testsupport.ClusterLockProbe;

/**
 * The cluster lock's row (docs/decisions/0042): written while held, free again after the commit (so the
 * next take changes it again), untouched by a rollback, and never taken outside a transaction, where the row
 * lock would end with the statement.
 */
@SpringBootTest
class ClusterLockTest {

    static final String NAME = "test-cluster-lock";

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void removeTheRow() {
        dsl.execute("DELETE FROM app_lease WHERE name = {0}", NAME);
    }

    @Test
    void outside_a_transaction_it_is_refused_and_writes_nothing() {
        assertThatThrownBy(() -> ClusterLock.take(dsl, NAME))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(NAME);
        assertThat(dsl.fetchCount(dsl.selectOne().from("app_lease").where("name = {0}", NAME)))
                .isZero();
    }

    @Test
    void taken_twice_in_one_transaction_it_is_written_and_reads_free_after_the_commit() {
        Boolean written = new TransactionTemplate(transactions).execute(status -> {
            ClusterLock.take(dsl, NAME);
            ClusterLock.take(dsl, NAME);
            return ClusterLockProbe.writtenHere(dsl, NAME);
        });
        assertThat(written).isTrue();
        assertThat(ClusterLockProbe.holder(dsl, NAME)).isNull();

        Boolean again = new TransactionTemplate(transactions).execute(status -> {
            ClusterLock.take(dsl, NAME);
            return ClusterLockProbe.writtenHere(dsl, NAME);
        });
        assertThat(again).as("the next take writes the row again").isTrue();
        assertThat(ClusterLockProbe.holder(dsl, NAME)).isNull();
    }

    @Test
    void a_rolled_back_take_leaves_the_row_as_it_was() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> ClusterLock.take(dsl, NAME));
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            ClusterLock.take(dsl, NAME);
            status.setRollbackOnly();
        });
        assertThat(ClusterLockProbe.holder(dsl, NAME)).isNull();
        assertThat(dsl.fetchCount(dsl.selectOne().from("app_lease").where("name = {0}", NAME)))
                .isOne();
    }
}
