package jp.hoshimi.shared.tx;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a service's write transaction again when MariaDB gave it up in a deadlock (1213) or a lock wait
 * timeout (1205): the whole transaction was rolled back, so a new attempt is safe and usually succeeds.
 * Only at the outermost transaction boundary (inside one, the caller's boundary retries). After the
 * last attempt the exception goes on, and the REST API and the UI say "busy, try again" (never a 500).
 * See docs/decisions/0023-set-based-supplier-import.md.
 */
public final class LockConflictRetry implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(LockConflictRetry.class);

    private final int attempts;
    private final long backoffMillis;

    public LockConflictRetry(int attempts, long backoffMillis) {
        this.attempts = attempts;
        this.backoffMillis = backoffMillis;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                // a fresh copy each time: proceeding the same invocation twice would skip the advice below us
                return invocation instanceof ProxyMethodInvocation proxied && attempt < attempts
                        ? proxied.invocableClone().proceed()
                        : invocation.proceed();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !isLockConflict(e)) {
                    throw e;
                }
                log.warn(
                        "{} lost a lock conflict (attempt {} of {}), trying again: {}",
                        invocation.getMethod().getName(),
                        attempt,
                        attempts,
                        e.getMessage());
                pause(attempt);
            }
        }
    }

    /** A deadlock or lock wait timeout, as Spring translated it or as the driver reported it. */
    public static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205)) {
                return true;
            }
        }
        return false;
    }

    private void pause(int attempt) {
        try {
            // jittered, growing: two losers of one deadlock do not meet again at once
            Thread.sleep(backoffMillis * attempt + ThreadLocalRandom.current().nextLong(backoffMillis + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", interrupted);
        }
    }
}
