package jp.hoshimi.outreach;

import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import jp.hoshimi.SignedIn;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import testsupport.ClusterLockProbe;
import testsupport.HeldTransaction;

/**
 * Two bulk requests at once (docs/decisions/0042): the second waits for the lock row the first wrote, not for
 * rows the first only read, so on a Galera cluster with several writer nodes the two would be certified against
 * each other (one rolled back and tried again); here, once the first has committed, the second finds every
 * supplier asked and asks nobody twice. In a database of its own: it asks every supplier procurement2 may see.
 */
@SpringBootTest(properties = {"hoshimi.dev-db.database=hoshimi_bulk_lock", "hoshimi.alert.dispatch-interval=0"})
class BulkRequestLockTest {

    static final String LOCK = "supplier-requests";

    @Autowired
    FindingWorklist worklist;

    @Autowired
    ContactService contacts;

    @Autowired
    UserDetailsService users;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DSLContext dsl;

    @Autowired
    SecurityContextHolderStrategy contexts;

    <T> T asProcurement2(Supplier<T> work) {
        return SignedIn.as(users, contexts, "procurement2", work);
    }

    @Test
    void a_second_bulk_request_waits_for_the_lock_row_the_first_wrote_and_then_asks_nobody_twice() throws Exception {
        int askable = asProcurement2(() -> {
            for (BulkCandidate c : worklist.preview(WorklistFilter.none()).candidates()) {
                if (c.skip() == BulkCandidate.Skip.NO_EMAIL) {
                    long id = c.supplierId();
                    contacts.add(id, new ContactForm("担当者", null, "contact" + id + "@example.jp", null, true));
                }
            }
            return worklist.preview(WorklistFilter.none()).asked().size();
        });
        assertThat(askable).isPositive();
        int requestsBefore = dsl.fetchCount(SUPPLIER_REQUEST);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (var first = HeldTransaction.start(
                transactions,
                () -> asProcurement2(() -> {
                    BulkResult result = worklist.ask(WorklistFilter.none(), "ja");
                    assertThat(ClusterLockProbe.writtenHere(dsl, LOCK))
                            .as("the lock row is written")
                            .isTrue();
                    return result;
                }))) {
            Future<BulkResult> second =
                    other.submit(() -> asProcurement2(() -> worklist.ask(WorklistFilter.none(), "ja")));
            await().atMost(Duration.ofSeconds(40)).until(() -> ClusterLockProbe.someoneWaitsFor(dsl, LOCK));
            assertThat(second).isNotDone();
            assertThat(dsl.fetchCount(SUPPLIER_REQUEST))
                    .as("nothing committed yet")
                    .isEqualTo(requestsBefore);

            BulkResult asked = first.commit();
            BulkResult again = second.get(60, TimeUnit.SECONDS);
            assertThat(asked.created()).isEqualTo(askable);
            assertThat(again.created()).isZero();
            assertThat(again.skipped(BulkCandidate.Skip.ALREADY_OPEN)).isEqualTo(askable);
            assertThat(dsl.fetchCount(SUPPLIER_REQUEST)).isEqualTo(requestsBefore + askable);
            assertThat(ClusterLockProbe.holder(dsl, LOCK)).as("free again").isNull();
        } finally {
            other.shutdownNow();
        }
    }
}
