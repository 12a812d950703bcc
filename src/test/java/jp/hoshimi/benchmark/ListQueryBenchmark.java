package jp.hoshimi.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.ContractSort;
import jp.hoshimi.contract.internal.ContractRepository;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.TextFragments;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.SupplierSort;
import jp.hoshimi.supplier.internal.SupplierRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Times the supplier and contract list page queries (and their counts) through the real services at
 * 100,000 suppliers and 200,000 contracts, as the group-wide "risk" user and the scoped "procurement"
 * user, and prints p50/p95/max per scenario. Not part of the normal test run (surefire excludes
 * *Benchmark); run it with {@code ./mvnw test -Dtest=ListQueryBenchmark}. See docs/benchmarks.md.
 *
 * <p>It asserts facts about the generated data only, never a time: wall-clock figures depend on the
 * machine and are for people to read.
 */
@SpringBootTest
class ListQueryBenchmark {

    /** The issue's target, used only to mark rows in the printed table. */
    static final double TARGET_P95_MS = 50;

    static final int PAGE = 50;
    static final int DEEP = 5_000;
    static final int WARMUP = Integer.getInteger("benchmark.warmup", 5);
    static final int ITERATIONS = Integer.getInteger("benchmark.iterations", 40);

    @Autowired
    DSLContext dsl;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContractService contracts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    SubcontractingService chains;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    Clock clock;

    @Autowired
    SupplierRepository supplierRepository;

    @Autowired
    ContractRepository contractRepository;

    /** A timed call; it answers how many rows it returned, or the count it made. */
    record Scenario(String list, String user, String name, Supplier<ResultCount> query) {}

    record Figures(Scenario scenario, ResultCount rows, double p50, double p95, double max) {}

    @Test
    void prints_p50_and_p95_of_list_page_queries_at_100k_suppliers_and_200k_contracts() throws IOException {
        var volumes = LargeDataGenerator.Volumes.ISSUE;
        int suppliersBefore = dsl.fetchCount(dsl.selectFrom("supplier"));
        int contractsBefore = dsl.fetchCount(dsl.selectFrom("contract"));
        int procurementBefore =
                as("procurement", () -> contracts.count(ContractFilter.none())).value();
        int linksBefore = dsl.fetchCount(dsl.selectFrom("subcontracting_link"));

        var generated = new LargeDataGenerator(dsl, supplierRepository, contractRepository, LocalDateTime.now(clock))
                .generate(volumes);
        System.out.println(generated.summary());

        checkGeneratedData(generated, volumes, suppliersBefore, contractsBefore, procurementBefore, linksBefore);

        List<Scenario> scenarios = new ArrayList<>();
        for (String user : List.of("risk", "procurement")) {
            scenarios.addAll(supplierScenarios(user, generated));
            scenarios.addAll(contractScenarios(user));
        }
        // warm up once across the board (JIT, connection pool, buffer pool); each scenario warms up again
        for (Scenario scenario : scenarios) {
            as(scenario.user(), () -> scenario.query().get());
        }
        String loadBefore = loadAverage();
        List<Figures> figures = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            figures.add(as(scenario.user(), () -> measure(scenario)));
        }
        String loadAfter = loadAverage();

        String report = report(generated, figures, loadBefore, loadAfter);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "list-query-benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    // --- scenarios ------------------------------------------------------------------------------

    private List<Scenario> supplierScenarios(String user, LargeDataGenerator.Result generated) {
        // values taken from the generated data, so each filter finds what the label says
        String corporateNumber = value(
                String.class,
                "SELECT corporate_number FROM supplier WHERE id = ?",
                generated.firstSupplierId() + 12_345);
        String numberPrefix = corporateNumber.substring(0, 6);
        List<Scenario> list = new ArrayList<>();
        for (SupplierSort sort : SupplierSort.values()) {
            for (boolean ascending : List.of(true, false)) {
                for (int offset : List.of(0, DEEP)) {
                    list.add(supplierPage(user, "no filter", null, sort, ascending, offset));
                }
            }
        }
        list.add(supplierPage(user, "name ミナト (kana, ~1%)", "ミナト", SupplierSort.NAME, true, 0));
        list.add(supplierPage(user, "name ミナト (kana, ~1%)", "ミナト", SupplierSort.NAME, true, 1_000));
        list.add(supplierPage(user, "name ミナト (kana, ~1%)", "ミナト", SupplierSort.UPDATED_AT, false, 0));
        list.add(supplierPage(user, "name ツバサ光学 (rare)", "ツバサ光学", SupplierSort.NAME, true, 0));
        list.add(supplierPage(user, "法人番号 prefix " + numberPrefix, numberPrefix, SupplierSort.NAME, true, 0));
        list.add(supplierPage(user, "法人番号 full", corporateNumber, SupplierSort.NAME, true, 0));
        list.add(supplierPage(user, "code prefix B-0123", "B-0123", SupplierSort.NAME, true, 0));
        list.add(supplierPage(user, "no match", "該当なし", SupplierSort.NAME, true, 0));
        for (String text : new String[] {null, "ミナト", "ツバサ光学", numberPrefix, corporateNumber, "B-0123", "該当なし"}) {
            SupplierFilter filter = new SupplierFilter(text);
            String label = text == null ? "no filter" : text.equals(corporateNumber) ? "法人番号 full" : text;
            list.add(new Scenario("supplier", user, "count · " + label, () -> suppliers.count(filter)));
        }
        return list;
    }

    private Scenario supplierPage(
            String user, String label, String text, SupplierSort sort, boolean ascending, int offset) {
        SupplierFilter filter = new SupplierFilter(text);
        SupplierSort.Order order = new SupplierSort.Order(sort, ascending);
        return new Scenario(
                "supplier",
                user,
                label + " · " + sort + (ascending ? " asc" : " desc") + " · offset " + offset,
                () -> ResultCount.exactly(
                        suppliers.list(filter, order, offset, PAGE).size()));
    }

    private List<Scenario> contractScenarios(String user) {
        long hmc = unit("HMC");
        long electronics = unit("HMC-ELE");
        List<Scenario> list = new ArrayList<>();
        ContractFilter none = ContractFilter.none();
        for (ContractSort sort : ContractSort.values()) {
            for (boolean ascending : List.of(true, false)) {
                for (int offset : List.of(0, DEEP)) {
                    list.add(contractPage(user, "no filter", none, sort, ascending, offset));
                }
            }
        }
        ContractFilter company = new ContractFilter(null, hmc, null, null, null);
        ContractFilter leaf = new ContractFilter(null, electronics, null, null, null);
        ContractFilter star5 = new ContractFilter(null, null, RequiredLevel.STAR5, null, null);
        ContractFilter star4 = new ContractFilter(null, null, RequiredLevel.STAR4, null, null);
        ContractFilter title = new ContractFilter("ハーネス", null, null, null, null);
        ContractFilter number = new ContractFilter("HMC-2024", null, null, null, null);
        ContractFilter supplierName = new ContractFilter("ミナト", null, null, null, null);
        ContractFilter combined = new ContractFilter("保守", hmc, RequiredLevel.STAR4, null, null);
        var defaultSort = ContractSort.Order.defaultOrder();
        list.add(contractPage(user, "unit HMC (+below)", company, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "unit HMC (+below)", company, defaultSort.sort(), true, DEEP));
        list.add(contractPage(user, "unit HMC (+below)", company, ContractSort.SUPPLIER, true, 0));
        list.add(contractPage(user, "unit HMC-ELE", leaf, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "level STAR5 (2%)", star5, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "level STAR4", star4, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "level STAR4", star4, ContractSort.END_DATE, false, 0));
        list.add(contractPage(user, "text ハーネス (title)", title, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "text HMC-2024 (number)", number, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "text ミナト (supplier)", supplierName, defaultSort.sort(), true, 0));
        list.add(contractPage(user, "HMC + STAR4 + 保守", combined, ContractSort.END_DATE, false, 0));
        record Named(String label, ContractFilter filter) {}
        for (Named n : List.of(
                new Named("no filter", none),
                new Named("unit HMC (+below)", company),
                new Named("unit HMC-ELE", leaf),
                new Named("level STAR5", star5),
                new Named("level STAR4", star4),
                new Named("text ハーネス", title),
                new Named("text HMC-2024", number),
                new Named("text ミナト", supplierName),
                new Named("HMC + STAR4 + 保守", combined))) {
            list.add(new Scenario("contract", user, "count · " + n.label(), () -> contracts.count(n.filter())));
        }
        return list;
    }

    private Scenario contractPage(
            String user, String label, ContractFilter filter, ContractSort sort, boolean ascending, int offset) {
        ContractSort.Order order = new ContractSort.Order(sort, ascending);
        return new Scenario(
                "contract",
                user,
                label + " · " + sort + (ascending ? " asc" : " desc") + " · offset " + offset,
                () -> ResultCount.exactly(
                        contracts.list(filter, order, offset, PAGE).size()));
    }

    // --- measuring ------------------------------------------------------------------------------

    private Figures measure(Scenario scenario) {
        ResultCount rows = null;
        for (int i = 0; i < WARMUP; i++) {
            rows = scenario.query().get();
        }
        long[] nanos = new long[ITERATIONS];
        for (int i = 0; i < ITERATIONS; i++) {
            long start = System.nanoTime();
            rows = scenario.query().get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Figures(scenario, rows, percentile(nanos, 50), percentile(nanos, 95), nanos[nanos.length - 1] / 1e6);
    }

    /** Nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    private <T> T as(String username, Supplier<T> work) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    private <T> T value(Class<T> type, String sql, Object... bindings) {
        return dsl.resultQuery(sql, bindings).fetchSingle(0, type);
    }

    private long unit(String code) {
        return DemoUnits.id(orgUnits, system, code);
    }

    // --- facts about the data (the only assertions) ------------------------------------------------

    private void checkGeneratedData(
            LargeDataGenerator.Result generated,
            LargeDataGenerator.Volumes volumes,
            int suppliersBefore,
            int contractsBefore,
            int procurementBefore,
            int linksBefore) {
        assertThat(generated.suppliers()).isEqualTo(volumes.suppliers());
        assertThat(generated.contracts()).isEqualTo(volumes.contracts());
        assertThat(generated.links()).isEqualTo(volumes.expectedLinks());

        assertThat(dsl.fetchCount(dsl.selectFrom("supplier"))).isEqualTo(suppliersBefore + volumes.suppliers());
        assertThat(dsl.fetchCount(dsl.selectFrom("contract"))).isEqualTo(contractsBefore + volumes.contracts());
        // the services count up to the cap, and say so
        ResultCount capped = ResultCount.atLeast(ResultCount.DEFAULT_CAP);
        assertThat(as("risk", () -> suppliers.count(SupplierFilter.none()))).isEqualTo(capped);
        assertThat(as("procurement", () -> suppliers.count(SupplierFilter.none())))
                .isEqualTo(capped);
        assertThat(as("risk", () -> contracts.count(ContractFilter.none()))).isEqualTo(capped);
        int generatedInProcurementUnits = value(Integer.class, """
                SELECT COUNT(*) FROM contract c JOIN org_unit u ON u.id = c.org_unit_id
                WHERE c.id >= ? AND u.code IN ('HMC-PUR', 'HMC-ELE')""", generated.firstContractId());
        assertThat(generatedInProcurementUnits).isBetween(volumes.contracts() / 5, volumes.contracts() * 3 / 5);
        assertThat(as("procurement", () -> contracts.count(ContractFilter.none())))
                .isEqualTo(
                        ResultCount.ofCapped(procurementBefore + generatedInProcurementUnits, ResultCount.DEFAULT_CAP));

        // the search structures agree with the rows: each contract carries its supplier's sort key, and the
        // fragment tables hold exactly the fragments that TextFragments computes from the stored text
        assertThat(value(Integer.class, """
                SELECT COUNT(*) FROM contract c JOIN supplier s ON s.id = c.supplier_id
                WHERE c.supplier_name_sort <> s.name_sort""")).isZero();
        assertThat(value(Integer.class, """
                SELECT COUNT(*) FROM supplier_name_fragment f JOIN supplier s ON s.id = f.supplier_id
                WHERE f.name_sort <> s.name_sort""")).isZero();
        assertThat(value(Integer.class, """
                SELECT COUNT(*) FROM contract_title_fragment f JOIN contract c ON c.id = f.contract_id
                WHERE f.org_unit_id <> c.org_unit_id OR f.required_level <> c.required_level
                   OR f.contract_number <> c.contract_number""")).isZero();
        long expectedNameFragments = dsl.fetch("SELECT name_normalized FROM supplier").stream()
                .mapToLong(r -> TextFragments.of(r.get(0, String.class)).size())
                .sum();
        assertThat(dsl.fetchCount(dsl.selectFrom("supplier_name_fragment"))).isEqualTo((int) expectedNameFragments);
        long expectedTitleFragments = dsl.fetch("SELECT title FROM contract").stream()
                .mapToLong(r -> TextFragments.of(r.get(0, String.class)).size())
                .sum();
        assertThat(dsl.fetchCount(dsl.selectFrom("contract_title_fragment"))).isEqualTo((int) expectedTitleFragments);
        assertThat(dsl.fetchCount(dsl.selectFrom("subcontracting_link"))).isEqualTo(linksBefore + generated.links());

        // every generated supplier is consistent with the application's own rules
        var rows = dsl.fetch(
                "SELECT name, name_kana, name_normalized, name_sort, corporate_number FROM supplier WHERE id >= ?",
                generated.firstSupplierId());
        assertThat(rows).hasSize(volumes.suppliers());
        for (var r : rows) {
            String name = r.get(0, String.class);
            String kana = r.get(1, String.class);
            assertThat(r.get(2, String.class)).isEqualTo(CompanyNames.normalize(name));
            assertThat(r.get(3, String.class)).isEqualTo(CompanyNames.sortKey(name, kana));
            String number = r.get(4, String.class);
            if (number != null) {
                assertThat(CorporateNumber.isValid(number)).as(number).isTrue();
            }
        }

        // chains are trees hanging from the contract's supplier: every parent is the contract's
        // supplier or a child of another link of the same contract
        int orphans = value(Integer.class, """
                SELECT COUNT(*) FROM subcontracting_link l JOIN contract c ON c.id = l.contract_id
                WHERE l.parent_supplier_id <> c.supplier_id
                  AND NOT EXISTS (SELECT 1 FROM subcontracting_link p
                                  WHERE p.contract_id = l.contract_id AND p.child_supplier_id = l.parent_supplier_id)""");
        assertThat(orphans).isZero();
        // contract n = 0 has a three-tier chain, read through the real service
        var chain = as("risk", () -> chains.chain(generated.firstContractId()));
        assertThat(chain).hasSize(3);
        assertThat(chain).allSatisfy(link -> assertThat(link.requiredLevel()).isNotNull());
    }

    // --- report ---------------------------------------------------------------------------------

    /** Other work on the machine skews the figures; the report says how busy it was. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private String report(
            LargeDataGenerator.Result generated, List<Figures> figures, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%nList query benchmark: MariaDB %s, innodb_buffer_pool_size %d MB, %d cores for the JVM;"
                        + " %d warm-up + %d timed runs per scenario, page size %d%n",
                value(String.class, "SELECT VERSION()"),
                value(Long.class, "SELECT @@innodb_buffer_pool_size") / (1024 * 1024),
                Runtime.getRuntime().availableProcessors(),
                WARMUP,
                ITERATIONS,
                PAGE));
        out.append(generated.summary()).append("\n");
        out.append("Load average (/proc/loadavg) before timing: ")
                .append(loadBefore)
                .append("; after: ")
                .append(loadAfter)
                .append("\n\n");
        out.append("| list | user | scenario | rows | p50 ms | p95 ms | max ms | |\n");
        out.append("|---|---|---|--:|--:|--:|--:|---|\n");
        for (Figures f : figures) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %,d%s | %.1f | %.1f | %.1f | %s |%n",
                    f.scenario().list(),
                    f.scenario().user(),
                    f.scenario().name(),
                    f.rows().value(),
                    f.rows().isExact() ? "" : "+",
                    f.p50(),
                    f.p95(),
                    f.max(),
                    f.p95() > TARGET_P95_MS ? "over 50" : ""));
        }
        long over = figures.stream().filter(f -> f.p95() > TARGET_P95_MS).count();
        out.append(String.format("%n%d of %d scenarios have p95 over %.0f ms.%n", over, figures.size(), TARGET_P95_MS));
        return out.toString();
    }
}
