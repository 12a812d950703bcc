package jp.hoshimi.dataimport;

import static jp.hoshimi.db.Tables.IMPORT_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import jp.hoshimi.dataimport.internal.ImportRunRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 15, item 2 for imports: a run whose node was killed mid-check stays CHECKING for ever unless
 * someone notices that its node stopped beating. Another node's heartbeat marks it failed; this node's own
 * live runs are left alone.
 */
@SpringBootTest
class ImportRunHeartbeatTest {

    @Autowired
    ImportRunRepository runs;

    @Autowired
    ImportRunHeartbeat heartbeat;

    @Autowired
    ImportWorker worker;

    @Autowired
    DSLContext dsl;

    @Test
    void a_run_of_a_node_that_stopped_beating_is_marked_failed_and_a_live_one_is_not() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        long dead = run("node-b/0badf00d", now.minusHours(1));
        long live = run(worker.workerName(), now.minusHours(1)); // older than the limit, but its node is this one

        heartbeat.beat();

        assertThat(status(dead)).isEqualTo(ImportStatus.FAILED.name());
        assertThat(dsl.fetchValue(IMPORT_RUN.ERROR_CODE, IMPORT_RUN.ID.eq(dead)))
                .isEqualTo("import.failed.interrupted");
        assertThat(status(live)).isEqualTo(ImportStatus.CHECKING.name());
        assertThat(dsl.fetchValue(IMPORT_RUN.HEARTBEAT_AT, IMPORT_RUN.ID.eq(live)))
                .isAfter(now.minusMinutes(1));
        dsl.deleteFrom(IMPORT_RUN).where(IMPORT_RUN.ID.in(dead, live)).execute();
    }

    private long run(String workerName, LocalDateTime lastBeat) {
        long id = runs.insert(
                ImportKind.SUPPLIERS, "heartbeat.csv", "0".repeat(64), 10, "risk", false, workerName, lastBeat);
        dsl.update(IMPORT_RUN)
                .set(IMPORT_RUN.STATUS, ImportStatus.CHECKING)
                .set(IMPORT_RUN.HEARTBEAT_AT, lastBeat)
                .where(IMPORT_RUN.ID.eq(id))
                .execute();
        return id;
    }

    private String status(long id) {
        return dsl.fetchValue(IMPORT_RUN.STATUS, IMPORT_RUN.ID.eq(id)).name();
    }
}
