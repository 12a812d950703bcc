package jp.hoshimi.shared.sql;

import java.sql.SQLException;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A lock that serialises one kind of work across app nodes and database nodes for the rest of the current
 * transaction: the named row of {@code app_lease}, <em>written</em> (its {@code holder} names the database
 * host and connection). A row lock is held until the transaction ends, also when the node dies; and because
 * the row is written, it is in the transaction's write set, so on a Galera cluster with several writer nodes
 * the second of two such transactions is rolled back at commit (deadlock, 1213: the service boundary tries
 * it again) where a lock that only reads ({@code FOR UPDATE}, {@code GET_LOCK}) would let both commit. The
 * holder is cleared just before the commit, so the row reads as free afterwards and the next taker changes
 * it again. The row is created on first use: no migration. See docs/decisions/0042.
 */
public final class ClusterLock {

    private static final int ER_LOCK_WAIT_TIMEOUT = 1205;
    private static final String TAKE = "INSERT INTO app_lease (name, holder, expires_at)"
            + " VALUES ({0}, CONCAT(@@hostname, '#', CONNECTION_ID()), NULL)"
            + " ON DUPLICATE KEY UPDATE holder = VALUES(holder)";

    private ClusterLock() {}

    /**
     * Takes the lock, waiting as long as the server's {@code innodb_lock_wait_timeout}; after that the lock
     * wait timeout (1205) is thrown as for any other row lock.
     */
    public static void take(DSLContext dsl, String name) {
        requireTransaction(name);
        dsl.execute(TAKE, name);
        clearBeforeCommit(dsl, name);
    }

    /** Takes the lock, waiting up to {@code timeoutSeconds}; false when another transaction held it all that time. */
    public static boolean take(DSLContext dsl, String name, int timeoutSeconds) {
        requireTransaction(name);
        try {
            dsl.execute("SET STATEMENT innodb_lock_wait_timeout = {1} FOR " + TAKE, name, DSL.inline(timeoutSeconds));
            clearBeforeCommit(dsl, name);
            return true;
        } catch (RuntimeException e) { // jOOQ's, or Spring's translation of it
            if (isLockWaitTimeout(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void requireTransaction(String name) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("A cluster lock outside a transaction would end at once: " + name);
        }
    }

    /**
     * Once per lock and transaction that took it: the holder is cleared in the same transaction, just before
     * it commits (not by one that gave up waiting: it would wait again).
     */
    private static void clearBeforeCommit(DSLContext dsl, String name) {
        String key = ClusterLock.class.getName() + ":" + name;
        if (TransactionSynchronizationManager.hasResource(key)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(key, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                dsl.execute("UPDATE app_lease SET holder = NULL WHERE name = {0}", name);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResource(key);
            }
        });
    }

    private static boolean isLockWaitTimeout(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getErrorCode() == ER_LOCK_WAIT_TIMEOUT) {
                return true;
            }
        }
        return false;
    }
}
