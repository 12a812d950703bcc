package jp.hoshimi.dataimport.internal;

import static jp.hoshimi.db.Tables.IMPORT_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.internal.SupplierStageRepository.Staged;
import jp.hoshimi.supplier.SupplierForm;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The supplier check's SELECT and the apply's page query read the staged rows in key order and join everything
 * else by index (decision 0047): no temporary table, no sort, no join buffer in the outer query. Each of those
 * made a 100,000-row check or apply sort every staged row, with all its columns, once or once a page; the
 * contact table, almost empty here as in the benchmark, is where the optimizer chose a join buffer.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
class SupplierStagePlanTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ImportRunRepository runs;

    @Autowired
    SupplierStageRepository stage;

    @Test
    void the_check_and_the_apply_pages_read_the_staged_rows_in_order_without_a_temporary_table_or_join_buffer() {
        long runId = runs.insert(
                ImportKind.SUPPLIERS, "plan.csv", "0".repeat(64), 1, "risk", false, "plan-test", LocalDateTime.now());
        try {
            List<Staged> rows = new ArrayList<>();
            for (int i = 2; i < 50; i++) {
                rows.add(new Staged(
                        i,
                        "PLAN-" + i,
                        "%040d".formatted(i),
                        "%040d".formatted(i),
                        "%040d".formatted(i % 5),
                        true,
                        null,
                        new SupplierForm(null, "PLAN-" + (i % 5), "計画" + i, null, null, null, null, null, null),
                        null,
                        null,
                        List.of(),
                        List.of()));
            }
            stage.insert(runId, rows);
            dsl.execute("analyze table import_supplier_stage, supplier_contact");

            assertThat(outerQuery("explain " + SupplierStageRepository.CLASSIFY.replace("?", Long.toString(runId))))
                    .isNotEmpty()
                    .allSatisfy(extra -> assertThat(extra)
                            .doesNotContain("temporary")
                            .doesNotContain("filesort")
                            .doesNotContain("join buffer"));
            assertThat(outerQuery("explain " + dsl.renderInlined(stage.toWriteQuery(runId, 10, 1000))))
                    .isNotEmpty()
                    .allSatisfy(extra -> assertThat(extra)
                            .doesNotContain("temporary")
                            .doesNotContain("filesort")
                            .doesNotContain("join buffer"));
        } finally {
            dsl.deleteFrom(IMPORT_RUN).where(IMPORT_RUN.ID.eq(runId)).execute();
        }
    }

    /** The Extra column of the plan's rows for the outer query (the GROUP BYs of its derived tables may sort). */
    private List<String> outerQuery(String explain) {
        List<String> extras = new ArrayList<>();
        for (Record row : dsl.fetch(explain)) {
            String type = row.get("select_type", String.class);
            if ("SIMPLE".equals(type) || "PRIMARY".equals(type)) {
                String extra = row.get("Extra", String.class);
                extras.add(extra == null ? "" : extra);
            }
        }
        return extras;
    }
}
