package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The link import's rules, table-driven (decision 0035): each case is previewed through the set-based
 * import, and each single new link is also tried through the link editor (in a transaction rolled back), which
 * must decide it the same way: one set of tree rules ({@code ChainRules}). The chain of LR-0001 (supplier
 * LR-T) is T → A → B; LR-0002 (also LR-T) has none. Previews only: the chains stay as they are.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_imports")
@WithUserDetails("risk")
class LinkImportRulesTest {

    @Autowired
    ImportService imports;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ContractService contracts;

    @Autowired
    SubcontractingService chains;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    PlatformTransactionManager transactions;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a first-tier sub-contractor (blank parent)", List.of("LR-0001,,LR-X,"), List.of("NEW")),
                Arguments.of("under the second tier", List.of("LR-0001,LR-B,LR-X,"), List.of("NEW")),
                Arguments.of("a self-link", List.of("LR-0001,LR-B,LR-B,"), List.of("chain.selfLink")),
                Arguments.of("a cycle", List.of("LR-0001,LR-B,LR-A,"), List.of("chain.cycle")),
                Arguments.of(
                        "a cycle to the contract's supplier", List.of("LR-0001,LR-B,LR-T,"), List.of("chain.cycle")),
                Arguments.of(
                        "a parent outside the chain", List.of("LR-0001,LR-X,LR-B,"), List.of("chain.parentNotInChain")),
                Arguments.of("a stored link, same cells", List.of("LR-0001,LR-A,LR-B,第二層"), List.of("UNCHANGED")),
                Arguments.of("a stored link, another note", List.of("LR-0001,LR-A,LR-B,変更"), List.of("CHANGED")),
                Arguments.of(
                        "under a sub-contractor an earlier row added",
                        List.of("LR-0001,LR-B,LR-X,", "LR-0001,LR-X,LR-Y,"),
                        List.of("NEW", "NEW")),
                Arguments.of(
                        "a cycle through an earlier row",
                        List.of("LR-0001,LR-B,LR-X,", "LR-0001,LR-X,LR-A,"),
                        List.of("NEW", "chain.cycle")),
                Arguments.of(
                        "a refused row adds nothing to the chain",
                        List.of("LR-0001,LR-Y,LR-X,", "LR-0001,LR-X,LR-Y,"),
                        List.of("chain.parentNotInChain", "chain.parentNotInChain")),
                Arguments.of(
                        "a repeated row",
                        List.of("LR-0001,LR-B,LR-X,同じ", "LR-0001,LR-B,LR-X,同じ"),
                        List.of("NEW", "UNCHANGED")),
                Arguments.of(
                        "a repeated link with other cells",
                        List.of("LR-0001,LR-B,LR-X,一", "LR-0001,LR-B,LR-X,二"),
                        List.of("NEW", "import.row.conflictsWithRow")),
                Arguments.of(
                        "two contracts' rows interleaved keep their own chains",
                        List.of("LR-0001,LR-B,LR-X,", "LR-0002,LR-B,LR-X,", "LR-0002,,LR-A,", "LR-0001,LR-X,LR-Y,"),
                        List.of("NEW", "chain.parentNotInChain", "NEW", "NEW")),
                Arguments.of("an unknown contract", List.of("LR-NONE,,LR-X,"), List.of("import.value.contractUnknown")),
                Arguments.of(
                        "an unknown sub-contractor",
                        List.of("LR-0001,,LR-NOPE,"),
                        List.of("import.value.supplierUnknown")),
                Arguments.of("a blank sub-contractor", List.of("LR-0001,LR-A,,"), List.of("validation.required")),
                Arguments.of(
                        "a blank contract number and an unknown parent",
                        List.of(",LR-NOPE,LR-X,"),
                        List.of("validation.required")));
    }

    @BeforeEach
    void chainTtoAtoB() {
        for (String code : List.of("LR-T", "LR-A", "LR-B", "LR-X", "LR-Y")) {
            if (suppliers.findByCode(code).isEmpty()) {
                suppliers.create(new SupplierForm(null, code, "連鎖規則" + code, null, "JP", null, null, null, null));
            }
        }
        long unit = orgUnits.all().stream()
                .filter(u -> u.code().equals("HMC-PUR"))
                .findFirst()
                .orElseThrow()
                .id();
        for (String number : List.of("LR-0001", "LR-0002")) {
            if (contracts.findByNumber(number).isEmpty()) {
                contracts.create(new ContractForm(
                        number,
                        "連鎖規則契約",
                        id("LR-T"),
                        unit,
                        null,
                        null,
                        null,
                        new DecisionChart(false, false, false),
                        RequiredLevel.STAR3,
                        null));
            }
        }
        long contract = contract("LR-0001").id();
        if (chains.chain(contract).isEmpty()) {
            chains.addLink(contract, new LinkForm(id("LR-T"), id("LR-A"), null, null, null, null, "第一層"));
            chains.addLink(contract, new LinkForm(id("LR-A"), id("LR-B"), null, null, null, null, "第二層"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_preview_decides_each_row_by_the_editors_rules(String what, List<String> rows, List<String> expected) {
        List<String> lines = new ArrayList<>(List.of("契約番号,委託元取引先コード,再委託先取引先コード,備考"));
        lines.addAll(rows);
        ImportRun run = imports.runToEnd(
                ImportKind.SUBCONTRACTING,
                "rules.csv",
                new ByteArrayInputStream(ImportFixtures.utf8(lines.toArray(String[]::new))),
                true,
                Duration.ofSeconds(60));
        assertThat(run.status()).isEqualTo(ImportStatus.PREVIEWED);

        List<String> decided = imports.rows(run.id(), null, 0, 100).stream()
                .map(LinkImportRulesTest::decision)
                .toList();

        assertThat(decided).isEqualTo(expected);
        if (rows.size() == 1
                && (expected.get(0).equals("NEW") || expected.get(0).startsWith("chain."))) {
            assertThat(throughTheEditor(rows.get(0).split(",", -1)))
                    .as("the link editor decides it alike")
                    .isEqualTo(expected.get(0));
        }
        assertThat(chains.chain(contract("LR-0001").id()))
                .as("a preview writes nothing")
                .hasSize(2);
    }

    /** The row's outcome, or for a row in error its first problem. */
    private static String decision(ImportRowResult row) {
        return row.outcome() == RowOutcome.ERROR
                ? row.problems().get(0).messageKey()
                : row.outcome().name();
    }

    /** The same link through {@link SubcontractingService#addLink}, rolled back: NEW or its refusal. */
    private String throughTheEditor(String[] cells) {
        ContractDetails contract = contract(cells[0]);
        long parent = cells[1].isEmpty() ? contract.supplierId() : id(cells[1]);
        TransactionTemplate rolledBack = new TransactionTemplate(transactions);
        return rolledBack.execute(status -> {
            status.setRollbackOnly();
            try {
                chains.addLink(contract.id(), new LinkForm(parent, id(cells[2]), null, null, null, null, null));
                return "NEW";
            } catch (ValidationException e) {
                return e.problems().get(0).messageKey();
            }
        });
    }

    private ContractDetails contract(String number) {
        return contracts.findByNumber(number).orElseThrow();
    }

    private long id(String code) {
        return suppliers.findByCode(code).orElseThrow().id();
    }
}
