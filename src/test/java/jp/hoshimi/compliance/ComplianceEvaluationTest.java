package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The evaluation on the demo data (evaluated as of 2026-12-01, the demo register's date), and what a
 * register sync, an import and an edit change. These commit, so the class has a database of its own.
 */
@SpringBootTest(properties = "hoshimi.dev-db.database=hoshimi_compliance")
@RecordApplicationEvents
class ComplianceEvaluationTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ComplianceService compliance;

    @Autowired
    ComplianceEvaluator evaluator;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ImportService imports;

    @Autowired
    RegisterSyncService sync;

    @Autowired
    SystemAuthentication system;

    @Autowired
    ApplicationEvents events;

    @Autowired
    jp.hoshimi.settings.SettingsService settings;

    @Autowired
    ContractService contracts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    DashboardService dashboard;

    @Autowired
    org.jooq.DSLContext dsl;

    private SupplierDetails supplier(String code) {
        return system.callAsSystem(() -> suppliers.findByCode(code)).orElseThrow();
    }

    private List<Finding> findingsAbout(String code) {
        long id = supplier(code).id();
        return system.callAsSystem(() -> compliance.supplierEvaluation(id)).findings().stream()
                .filter(f -> f.verdict().required() != RequiredLevel.NONE)
                .toList();
    }

    @Test
    void the_demo_register_story_is_what_the_evaluation_finds() {
        assertThat(findingsAbout("S-10021"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.verdict().reason()).isEqualTo(Reason.EXPIRED));
        assertThat(findingsAbout("S-10016"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.verdict().reason()).isEqualTo(Reason.SUSPENDED));
        assertThat(findingsAbout("S-10039"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(ComplianceStatus.REVOKED));
        assertThat(findingsAbout("S-10024"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(ComplianceStatus.MISSING));
        // S-10029: ★4 valid until 2026-12-20
        assertThat(findingsAbout("S-10029")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(ComplianceStatus.EXPIRING);
            assertThat(f.verdict().warningDays()).isEqualTo(30);
        });
        assertThat(findingsAbout("S-10013"))
                .anySatisfy(f -> assertThat(f.verdict().warningDays()).isEqualTo(180));
        assertThat(findingsAbout("S-10008"))
                .anySatisfy(f -> assertThat(f.verdict().reason()).isEqualTo(Reason.LEVEL_TOO_LOW));

        // HMC-2026-0001: S-10001 passes remote maintenance on to S-10024, which is not registered
        ContractEvaluation contract = system.callAsSystem(() -> compliance.contractEvaluation("HMC-2026-0001"));
        assertThat(contract.links()).anySatisfy(link -> {
            assertThat(link.supplierId()).isEqualTo(supplier("S-10024").id());
            assertThat(link.tier()).isEqualTo(2);
            assertThat(link.status()).isEqualTo(ComplianceStatus.MISSING);
        });
        assertThat(contract.status())
                .isEqualTo(ComplianceStatus.worstOf(
                        contract.links().stream().map(Finding::status).toList()));
        assertThat(contract.status().severity()).isLessThanOrEqualTo(ComplianceStatus.MISSING.severity());
    }

    @Test
    @WithUserDetails("admin")
    void a_sync_that_expires_a_registration_flips_the_contracts_that_depend_on_it() throws Exception {
        String number = "4120091464070"; // 株式会社テクノ・ブリッジ, ★4 valid until 2028-06-30
        SupplierDetails techno = system.callAsSystem(() -> suppliers.findByCorporateNumber(number))
                .orElseThrow();
        assertThat(findingsAbout(techno.supplierCode()))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isNotEqualTo(ComplianceStatus.EXPIRED));
        // the same feed with this one registration renewed for a shorter term that ended yesterday
        String feed = Files.readAllLines(Path.of("sample-data/register-star.csv")).stream()
                .map(line -> line.startsWith(number + ",") ? expired(line) : line)
                .collect(Collectors.joining("\n", "", "\n"));
        events.clear();

        SyncRun run = sync.upload(
                RegisterKind.STAR, "register.csv", new ByteArrayInputStream(feed.getBytes(StandardCharsets.UTF_8)));

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(run.changed()).as("entries changed by the sync").isEqualTo(1);
        List<Finding> after = findingsAbout(techno.supplierCode());
        assertThat(after).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(ComplianceStatus.EXPIRED);
            assertThat(f.previous()).isNotNull().isNotEqualTo(ComplianceStatus.EXPIRED);
            assertThat(f.verdict().validUntil()).hasToString("2026-11-30");
        });
        for (Finding f : after.stream().filter(f -> f.tier() == 1).toList()) {
            ContractEvaluation contract = compliance.contractEvaluation(f.contractId());
            assertThat(contract.status().severity()).isLessThanOrEqualTo(ComplianceStatus.EXPIRED.severity());
        }
        assertThat(events.stream(ComplianceEvaluatedEvent.class))
                .anySatisfy(event -> assertThat(event.changedAnything()).isTrue());
    }

    /** A valid 法人番号 for a 12-digit base (NTA check digit). */
    static String corporateNumber(String base12) {
        return jp.hoshimi.shared.CorporateNumber.withCheckDigit(base12);
    }

    /** The CSV line with registered on 2023-12-01 and valid until 2026-11-30. */
    private static String expired(String line) {
        String[] fields = line.split(",", -1);
        fields[3] = "2023-12-01";
        fields[4] = "2026-11-30";
        return String.join(",", fields);
    }

    @Test
    @WithUserDetails("procurement")
    void an_import_that_adds_a_sub_contractor_without_a_level_flags_its_contract() {
        ContractEvaluation ok = compliance.findings(Set.of(ComplianceStatus.OK), 0, 1000).stream()
                .filter(f -> f.tier() == 1 && f.verdict().required() != RequiredLevel.NONE)
                .map(f -> compliance.contractEvaluation(f.contractId()))
                .filter(c -> c.status() == ComplianceStatus.OK)
                .findFirst()
                .orElseThrow();
        // a new supplier, in neither register
        String unregistered = "T-9001";
        suppliers.create(new SupplierForm(
                corporateNumber("800000000001"), unregistered, "株式会社テスト再委託", null, "JP", null, null, null, null));
        byte[] file = ("契約番号,委託元取引先コード,再委託先取引先コード,機密情報が渡る,システム接続あり,要求レベル,備考\n" + ok.contractNumber() + ",,"
                        + unregistered + ",はい,いいえ,,図面データの保管\n")
                .getBytes(StandardCharsets.UTF_8);

        ImportRun run =
                imports.runToEnd(ImportKind.SUBCONTRACTING, "links.csv", new ByteArrayInputStream(file), false, WAIT);

        assertThat(run.status()).isEqualTo(ImportStatus.APPLIED);
        ContractEvaluation flagged = compliance.contractEvaluation(ok.contractId());
        assertThat(flagged.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(flagged.previous()).isEqualTo(ComplianceStatus.OK);
        assertThat(flagged.links()).anySatisfy(link -> {
            assertThat(link.supplierId()).isEqualTo(supplier(unregistered).id());
            assertThat(link.tier()).isEqualTo(2);
            assertThat(link.status()).isEqualTo(ComplianceStatus.MISSING);
            assertThat(link.verdict().reason()).isEqualTo(Reason.NOT_REGISTERED);
        });
    }

    @Test
    @WithUserDetails("risk")
    void an_edit_is_evaluated_as_soon_as_it_is_saved() {
        SupplierDetails s = supplier("S-10006");
        assertThat(findingsAbout("S-10006"))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).isNotEqualTo(ComplianceStatus.UNVERIFIABLE));
        SupplierForm form = s.toForm();

        suppliers.update(
                s.id(),
                s.version(),
                new SupplierForm(
                        null,
                        form.supplierCode(),
                        form.name(),
                        form.nameKana(),
                        form.country(),
                        form.address(),
                        form.contactName(),
                        form.contactEmail(),
                        form.notes()));

        assertThat(findingsAbout("S-10006")).isNotEmpty().allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(ComplianceStatus.UNVERIFIABLE);
            assertThat(f.verdict().reason()).isEqualTo(Reason.NO_CORPORATE_NUMBER);
        });
        assertThat(compliance.supplierEvaluation(s.id()).status().severity())
                .isLessThanOrEqualTo(ComplianceStatus.UNVERIFIABLE.severity());
    }

    @Test
    @WithUserDetails("risk")
    void a_new_policy_is_applied_to_every_chain_once_saved() {
        // S-10001: ★4 valid until 2028-03-31, 851 days after 2026-12-01
        assertThat(findingsAbout("S-10001"))
                .allSatisfy(f -> assertThat(f.status()).isNotEqualTo(ComplianceStatus.EXPIRING));
        var before = settings.current();
        var leadTimes = new java.util.EnumMap<>(before.settings().leadTimeDays());
        leadTimes.put(jp.hoshimi.shared.StarLevel.STAR4, List.of(900, 90, 30));
        try {
            settings.save(
                    new jp.hoshimi.settings.PolicySettings(
                            before.settings().subcontractorPolicy(),
                            leadTimes,
                            before.settings().stalenessHours()),
                    before.version());

            assertThat(findingsAbout("S-10001"))
                    .filteredOn(f -> f.verdict().heldLevel() == jp.hoshimi.shared.StarLevel.STAR4)
                    .isNotEmpty()
                    .allSatisfy(f -> {
                        assertThat(f.status()).isEqualTo(ComplianceStatus.EXPIRING);
                        assertThat(f.verdict().warningDays()).isEqualTo(900);
                    });
        } finally {
            settings.save(before.settings(), settings.current().version());
        }
        assertThat(findingsAbout("S-10001"))
                .allSatisfy(f -> assertThat(f.status()).isNotEqualTo(ComplianceStatus.EXPIRING));
    }

    @Test
    @WithUserDetails("risk")
    void a_contract_moved_to_another_unit_counts_there_on_the_dashboard_once_saved() {
        ContractDetails contract = contracts.findByNumber("HMC-2026-0001").orElseThrow();
        long from = contract.orgUnitId();
        // a unit that is neither above nor below the contract's own, so its counts do not overlap
        OrgUnit to = orgUnits.all().stream()
                .filter(unit -> !orgUnits.unitAndBelow(unit.id()).contains(from))
                .filter(unit -> !orgUnits.unitAndBelow(from).contains(unit.id()))
                .findFirst()
                .orElseThrow();
        Map<Long, Long> before = contractsPerUnit();
        ContractForm form = contract.toForm();

        contracts.update(
                contract.id(),
                contract.version(),
                new ContractForm(
                        form.contractNumber(),
                        form.title(),
                        form.supplierId(),
                        to.id(),
                        form.ownerUserId(),
                        form.startDate(),
                        form.endDate(),
                        form.decisionChart(),
                        form.requiredLevel(),
                        form.levelReason()));

        Map<Long, Long> after = contractsPerUnit();
        assertThat(after.get(from)).isEqualTo(before.get(from) - 1);
        assertThat(after.get(to.id())).isEqualTo(before.getOrDefault(to.id(), 0L) + 1);
        assertThat(dashboard.overview().kpis().contracts().notEvaluated())
                .as("the moved contract keeps its evaluation")
                .isZero();
    }

    /** Contracts per unit (its own and those below it) as the dashboard's heat map counts them. */
    private Map<Long, Long> contractsPerUnit() {
        return dashboard.overview().heatMap().stream()
                .collect(Collectors.groupingBy(
                        row -> row.unit().id(),
                        Collectors.summingLong(row -> row.counts().total())));
    }

    @Test
    void a_full_evaluation_repairs_statuses_that_no_changed_finding_would_reach() {
        evaluator.evaluateAll();
        long moved = ((Number) dsl.fetchValue("SELECT MIN(contract_id) FROM contract_compliance")).longValue();
        long lost = ((Number) dsl.fetchValue("SELECT MAX(contract_id) FROM contract_compliance")).longValue();
        long lone = system.callAsSystem(() -> suppliers.create(new SupplierForm(
                corporateNumber("800000000077"), "T-9077", "株式会社取引なし", null, "JP", null, null, null, null)));
        // what a failed evaluation after a save, or a supplier dropped from its last chain, could leave
        dsl.execute("UPDATE contract_compliance SET org_unit_id = org_unit_id + 1000 WHERE contract_id = ?", moved);
        dsl.execute("DELETE FROM contract_compliance WHERE contract_id = ?", lost);
        dsl.execute(
                "INSERT INTO supplier_compliance (supplier_id, status, severity, status_since, updated_at)"
                        + " VALUES (?, 'OK', 6, NOW(), NOW())",
                lone);

        ComplianceEvaluator.Result result = evaluator.evaluateAll();

        assertThat(result.findingsWritten()).isZero();
        assertThat(dsl.fetch(
                        "SELECT 1 FROM contract_compliance cc JOIN contract c ON c.id = cc.contract_id"
                                + " WHERE c.id = ? AND cc.org_unit_id = c.org_unit_id",
                        moved))
                .hasSize(1);
        assertThat(dsl.fetchCount(dsl.selectFrom("contract_compliance").where("contract_id = ?", lost)))
                .isOne();
        assertThat(dsl.fetchCount(dsl.selectFrom("supplier_compliance").where("supplier_id = ?", lone)))
                .isZero();
    }

    @Test
    @WithUserDetails("risk")
    void a_supplier_s_own_status_is_its_registration_not_a_failing_sub_contractor_in_its_chain() {
        // S-10001 碧海精密プレス工業: ★4 valid until 2028-03-31; in HMC-2026-0001 it passes work on to
        // S-10024 (not registered) and S-10021 (expired)
        SupplierDetails own = supplier("S-10001");
        ContractEvaluation contract = compliance.contractEvaluation("HMC-2026-0001");
        assertThat(contract.status().severity()).isLessThan(ComplianceStatus.OK.severity());

        SupplierEvaluation evaluation = compliance.supplierEvaluation(own.id());

        assertThat(evaluation.status()).isEqualTo(ComplianceStatus.OK);
        assertThat(evaluation.status())
                .isEqualTo(ComplianceStatus.worstOf(
                        evaluation.findings().stream().map(Finding::status).toList()));
        assertThat(evaluation.registration().heldLevel()).isEqualTo(jp.hoshimi.shared.StarLevel.STAR4);
        assertThat(evaluation.registration().validUntil()).isEqualTo(java.time.LocalDate.of(2028, 3, 31));
        assertThat(evaluation.registration().registeredName()).isEqualTo("碧海精密プレス工業株式会社");
        List<FailingContract> failing = compliance.failingContracts(own.id(), 0, 100);
        assertThat(failing).hasSize(compliance.countFailingContracts(own.id()));
        assertThat(failing).anySatisfy(f -> {
            assertThat(f.contractNumber()).isEqualTo("HMC-2026-0001");
            assertThat(f.status()).isEqualTo(contract.status());
            assertThat(f.causeStatus()).isEqualTo(contract.status());
            assertThat(f.causeSupplierId()).isNotEqualTo(own.id());
            assertThat(f.causeTier()).isGreaterThanOrEqualTo(2);
        });
        assertThat(failing).extracting(f -> f.status().severity()).isSorted();
        assertThat(compliance.failingContracts(own.id(), 1, 100)).hasSize(failing.size() - 1);
    }

    @Test
    void statuses_written_by_the_old_worst_over_contracts_rule_are_repaired_on_start_up_with_an_event() {
        evaluator.evaluateAll();
        long own = supplier("S-10001").id();
        // what V9's rule stored: the worst over the contracts it holds, a sub-contractor's failure included
        dsl.execute("UPDATE supplier_compliance SET status = 'MISSING', severity = 2 WHERE supplier_id = ?", own);
        long before = ((Number) dsl.fetchValue("SELECT COALESCE(MAX(id), 0) FROM compliance_event")).longValue();

        long repaired = evaluator.repairSupplierStatuses();

        assertThat(repaired).isOne();
        assertThat(dsl.fetchValue("SELECT status FROM supplier_compliance WHERE supplier_id = ?", own))
                .isEqualTo("OK");
        assertThat(dsl.fetch(
                        "SELECT subject, supplier_id, old_status, new_status FROM compliance_event WHERE id > ?",
                        before))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get(0)).isEqualTo("SUPPLIER");
                    assertThat(((Number) e.get(1)).longValue()).isEqualTo(own);
                    assertThat(e.get(2)).isEqualTo("MISSING");
                    assertThat(e.get(3)).isEqualTo("OK");
                });
        assertThat(evaluator.repairSupplierStatuses()).isZero();

        // the daily full evaluation repairs the same, even when no finding changed
        dsl.execute("UPDATE supplier_compliance SET status = 'EXPIRED', severity = 1 WHERE supplier_id = ?", own);
        ComplianceEvaluator.Result result = evaluator.evaluateAll();
        assertThat(result.findingsWritten()).isZero();
        assertThat(result.events()).isOne();
        assertThat(dsl.fetchValue("SELECT status FROM supplier_compliance WHERE supplier_id = ?", own))
                .isEqualTo("OK");
    }

    @Test
    void evaluating_again_writes_nothing_and_raises_no_event() {
        evaluator.evaluateAll();

        ComplianceEvaluator.Result again = evaluator.evaluateAll();

        assertThat(again.contracts()).isGreaterThanOrEqualTo(80);
        assertThat(again.findingsWritten()).isZero();
        assertThat(again.events()).isZero();
    }
}
