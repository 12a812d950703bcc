package testsupport;

import org.jooq.DSLContext;

/**
 * What a test can see of a cluster lock ({@code jp.hoshimi.shared.sql.ClusterLock}, a written row of
 * {@code app_lease}, docs/decisions/0042): whether the current transaction wrote the row (the property a
 * Galera cluster needs: only written rows are certified across its nodes), and whether another transaction
 * is waiting for that very row.
 */
public final class ClusterLockProbe {

    private ClusterLockProbe() {}

    /** In the current transaction: the lock row names this database connection as its holder. */
    public static boolean writtenHere(DSLContext dsl, String name) {
        return dsl.fetchCount(dsl.selectOne()
                        .from("app_lease")
                        .where("name = {0} AND holder = CONCAT(@@hostname, '#', CONNECTION_ID())", name))
                == 1;
    }

    /** Some transaction is waiting for the row lock on this lock row (and not on some other row). */
    public static boolean someoneWaitsFor(DSLContext dsl, String name) {
        return dsl.fetchValue("""
                        SELECT COUNT(*) FROM information_schema.innodb_trx t
                        JOIN information_schema.innodb_locks l ON l.lock_id = t.trx_requested_lock_id
                        WHERE t.trx_state = 'LOCK WAIT' AND l.lock_table LIKE '%`app_lease`'
                          AND l.lock_data = CONCAT('''', {0}, '''')
                        """, name) instanceof Number waiting && waiting.longValue() > 0;
    }

    /** The committed holder (null when free). */
    public static String holder(DSLContext dsl, String name) {
        return dsl.fetchOptional("SELECT holder FROM app_lease WHERE name = {0}", name)
                .map(r -> r.get(0, String.class))
                .orElse(null);
    }
}
