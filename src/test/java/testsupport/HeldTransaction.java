package testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work done in a new transaction on a thread of its own, the transaction then held open (with its locks) until
 * the test commits it: what another node's transaction looks like to the one under test, without sleeps.
 */
public final class HeldTransaction<T> implements AutoCloseable {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final Future<T> committed;
    private volatile T result;

    private HeldTransaction(PlatformTransactionManager transactions, Supplier<T> work) {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        committed = thread.submit(() -> template.execute(status -> {
            result = work.get();
            held.countDown();
            try {
                release.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result;
        }));
    }

    /** Starts the work and answers once it is done, its transaction still open (or throws what the work threw). */
    public static <T> HeldTransaction<T> start(PlatformTransactionManager transactions, Supplier<T> work)
            throws Exception {
        var transaction = new HeldTransaction<>(transactions, work);
        await().atMost(LIMIT).until(() -> transaction.held.getCount() == 0 || transaction.committed.isDone());
        if (transaction.held.getCount() > 0) {
            transaction.committed.get(); // the work failed: its exception
        }
        return transaction;
    }

    /** What the work answered, seen inside its still open transaction. */
    public T result() {
        return result;
    }

    /** Lets the transaction commit and waits for it. */
    public T commit() throws Exception {
        release.countDown();
        return committed.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        release.countDown();
        thread.shutdownNow();
    }
}
