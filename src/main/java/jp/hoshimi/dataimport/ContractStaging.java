package jp.hoshimi.dataimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractRules;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.dataimport.internal.ContractStageRepository;
import jp.hoshimi.dataimport.internal.ContractStageRepository.Candidate;
import jp.hoshimi.dataimport.internal.ContractStageRepository.Classified;
import jp.hoshimi.dataimport.internal.ContractStageRepository.Staged;
import jp.hoshimi.dataimport.internal.ContractStageRepository.Stored;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The contract import, set-based (decision 0031), with the rules of the per-row path it replaces
 * (decision 0006, the former ContractRowImporter): upsert by contract number within the user's units; the
 * supplier named by 法人番号 or code, the unit by code or name, the owner by user name; blank cells keep
 * the stored value; a blank level takes the chart's suggestion; a repeated number with the same cells is
 * unchanged, with other cells an error; every new or changed contract passes the editor's rules
 * ({@link ContractRules}) and a number held by a contract outside the user's units is the editor's
 * duplicate.
 */
@Component
class ContractStaging extends StagedImport<Staged, Classified> {

    /** What the preview shows of a row besides its outcome. */
    private static final List<ImportField> KEY_FIELDS = List.of(
            ImportField.CONTRACT_NUMBER,
            ImportField.CONTRACT_TITLE,
            ImportField.CONTRACT_SUPPLIER,
            ImportField.CONTRACT_ORG_UNIT,
            ImportField.CONTRACT_REQUIRED_LEVEL);

    private final ContractStageRepository stage;
    private final ContractService contracts;
    private final OrgUnitService orgUnits;

    ContractStaging(
            ContractStageRepository stage,
            ContractService contracts,
            OrgUnitService orgUnits,
            PlatformTransactionManager transactions) {
        super(stage, transactions);
        this.stage = stage;
        this.contracts = contracts;
        this.orgUnits = orgUnits;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.CONTRACTS;
    }

    @Override
    String scopeStamp() {
        return StagedImport.stampOf(orgUnits.currentScope());
    }

    @Override
    Function<RowValues, Staged> rowReader() {
        Units units = new Units(orgUnits.all());
        return row -> staged(row, units);
    }

    @Override
    void decideAll(long runId, Consumer<Decided<Classified>> sink) {
        Units units = new Units(orgUnits.all());
        DataScope scope = orgUnits.currentScope();
        List<OrgUnit> inScope = orgUnits.unitsInScope();
        Long onlyUnitInScope = inScope.size() == 1 ? inScope.get(0).id() : null;
        stage.classify(runId, candidate -> sink.accept(new Decider(candidate, units, scope, onlyUnitInScope).decide()));
    }

    /** One row's cells read as the form's types (problems collected), its unit resolved, its values hashed. */
    private static Staged staged(RowValues row, Units units) {
        // read in the per-row path's order, so that the problems come in its order too
        String levelText = null;
        for (ImportField field : KEY_FIELDS) {
            String text = row.text(field);
            levelText = field == ImportField.CONTRACT_REQUIRED_LEVEL ? text : levelText;
        }
        String number = row.text(ImportField.CONTRACT_NUMBER);
        String title = row.text(ImportField.CONTRACT_TITLE);
        String supplierRef = row.text(ImportField.CONTRACT_SUPPLIER);
        String unitRef = row.text(ImportField.CONTRACT_ORG_UNIT);
        String ownerRef = row.text(ImportField.CONTRACT_OWNER);
        var start = row.date(ImportField.CONTRACT_START_DATE);
        var end = row.date(ImportField.CONTRACT_END_DATE);
        RequiredLevel level = row.level(ImportField.CONTRACT_REQUIRED_LEVEL);
        DecisionChart answers = new DecisionChart(
                row.yesNo(ImportField.CONTRACT_Q_CONFIDENTIAL),
                row.yesNo(ImportField.CONTRACT_Q_CRITICAL),
                row.yesNo(ImportField.CONTRACT_Q_NETWORK));
        String reason = row.text(ImportField.CONTRACT_LEVEL_REASON);
        String ref = supplierRef == null ? null : supplierRef.strip();
        boolean byNumber = ref != null && CorporateNumber.isValid(ref);
        OrgUnit unit = unitRef == null ? null : units.byName(unitRef);
        return new Staged(
                row.rowNumber(),
                number,
                Staging.hash(Arrays.asList(
                        title,
                        supplierRef,
                        unitRef,
                        ownerRef,
                        Objects.toString(start),
                        Objects.toString(end),
                        Objects.toString(level),
                        Objects.toString(answers.handlesConfidential()),
                        Objects.toString(answers.businessCritical()),
                        Objects.toString(answers.networkAccess()),
                        reason)),
                title,
                supplierRef,
                byNumber ? CorporateNumber.parse(ref).value() : null,
                byNumber ? null : ref,
                unitRef,
                unit == null ? null : unit.id(),
                ownerRef,
                start,
                end,
                level,
                levelText,
                answers,
                reason,
                List.copyOf(row.problems()));
    }

    @Override
    public void write(long runId, IntConsumer progress) {
        writeInPages(progress, after -> stage.toWrite(runId, after, BATCH), Classified::rowNo, page -> {
            List<ContractForm> creates = new ArrayList<>();
            List<Integer> createdRows = new ArrayList<>();
            List<ContractService.ImportedChange> changes = new ArrayList<>();
            for (Classified row : page) {
                if (row.outcome() == RowOutcome.NEW) {
                    creates.add(row.form());
                    createdRows.add(row.rowNo());
                } else {
                    changes.add(new ContractService.ImportedChange(
                            row.contractId(), row.contractVersion(), row.before(), row.form()));
                }
            }
            List<Long> ids = contracts.importAll(creates, changes);
            stage.recordCreated(runId, createdRows, ids);
        });
        stage.copyCreatedIdsToRowResults(runId);
    }

    /** The units by code and name (normalised as headers are) and by id: a few hundred at most. */
    private static final class Units {
        private final Map<String, OrgUnit> byName = new HashMap<>();
        private final Map<Long, OrgUnit> byId = new HashMap<>();

        Units(List<OrgUnit> all) {
            for (OrgUnit unit : all) {
                byName.put(HeaderMatcher.normalise(unit.code()), unit);
                byName.putIfAbsent(HeaderMatcher.normalise(unit.name()), unit);
                byId.put(unit.id(), unit);
            }
        }

        OrgUnit byName(String reference) {
            return byName.get(HeaderMatcher.normalise(reference));
        }

        String code(Long id) {
            OrgUnit unit = id == null ? null : byId.get(id);
            return unit == null ? null : unit.code();
        }
    }

    /** Decides one candidate row as the former ContractRowImporter decided it, from the facts the SELECT found. */
    private static final class Decider {
        private final Candidate c;
        private final Staged row;
        private final Units units;
        private final DataScope scope;
        private final Long onlyUnitInScope;
        private final String key;
        private final Map<ImportField, Object> shown = new EnumMap<>(ImportField.class);

        Decider(Candidate c, Units units, DataScope scope, Long onlyUnitInScope) {
            this.c = c;
            this.row = c.row();
            this.units = units;
            this.scope = scope;
            this.onlyUnitInScope = onlyUnitInScope;
            this.key = row.contractNumber() == null ? "#" + row.rowNo() : row.contractNumber();
            shown.put(ImportField.CONTRACT_NUMBER, row.contractNumber());
            shown.put(ImportField.CONTRACT_TITLE, row.title());
            shown.put(ImportField.CONTRACT_SUPPLIER, row.supplierRef());
            shown.put(ImportField.CONTRACT_ORG_UNIT, row.unitRef());
            shown.put(ImportField.CONTRACT_REQUIRED_LEVEL, row.levelText());
        }

        Decided<Classified> decide() {
            if (c.supplier() != null) {
                shown.put(ImportField.CONTRACT_SUPPLIER, c.supplier().name());
            }
            List<FieldProblem> problems = referenceProblems();
            if (!problems.isEmpty()) {
                return done(ImportRowResult.error(row.rowNo(), key, problems), null, null);
            }
            if (c.firstRowOfNumber() != null && c.firstRowOfNumber() < row.rowNo()) {
                return done(repeated(), null, null);
            }
            Stored existing =
                    c.byNumber() != null && scope.includes(c.byNumber().form().orgUnitId()) ? c.byNumber() : null;
            ContractForm form = merged(existing);
            shown.put(ImportField.CONTRACT_TITLE, form.title());
            shown.put(ImportField.CONTRACT_ORG_UNIT, units.code(form.orgUnitId()));
            shown.put(ImportField.CONTRACT_REQUIRED_LEVEL, form.requiredLevel());
            if (row.supplierRef() == null && existing != null) {
                shown.put(ImportField.CONTRACT_SUPPLIER, existing.supplierName());
            }
            List<FieldChange> changes = existing == null ? List.of() : changes(existing, form);
            if (existing != null && changes.isEmpty()) {
                return done(ok(RowOutcome.UNCHANGED, existing.id(), List.of()), null, null);
            }
            ContractRules.Checked checked = ContractRules.check(form, scope, supplierId -> true);
            List<FieldProblem> invalid = new ArrayList<>(checked.problems());
            if (invalid.isEmpty() && existing == null && c.byNumber() != null) {
                Stored other = c.byNumber();
                invalid.add(ContractRules.duplicateNumber(
                        checked.form().contractNumber(),
                        other.form().title(),
                        other.form().orgUnitId(),
                        scope));
            }
            if (!invalid.isEmpty()) {
                return done(ImportRowResult.error(row.rowNo(), key, invalid), null, null);
            }
            if (existing == null) {
                return done(ok(RowOutcome.NEW, null, List.of()), checked.form(), null);
            }
            return done(ok(RowOutcome.CHANGED, existing.id(), changes), checked.form(), existing);
        }

        /** The cells' own problems, then a supplier, unit or owner that the master does not know. */
        private List<FieldProblem> referenceProblems() {
            List<FieldProblem> problems = new ArrayList<>(row.problems());
            if (row.supplierRef() != null && c.supplier() == null) {
                problems.add(FieldProblem.of("supplierId", "import.value.supplierUnknown", row.supplierRef()));
            }
            if (row.unitRef() != null && row.orgUnitId() == null) {
                problems.add(FieldProblem.of("orgUnitId", "import.value.unitUnknown", row.unitRef()));
            }
            if (row.ownerRef() != null && c.ownerId() == null) {
                problems.add(FieldProblem.of("ownerUserId", "import.value.userUnknown", row.ownerRef()));
            }
            return problems;
        }

        private ImportRowResult repeated() {
            return RowImporter.repeatedRow(row.rowNo(), key, c.firstRowOfNumber(), c.sameValuesAsFirst());
        }

        /** The file's cells over the stored contract (blank keeps); a blank level follows the chart. */
        private ContractForm merged(Stored existing) {
            ContractForm stored = existing == null ? null : existing.form();
            DecisionChart storedChart = stored == null ? DecisionChart.unanswered() : stored.decisionChart();
            DecisionChart answers = row.answers();
            DecisionChart chart = new DecisionChart(
                    RowImporter.pick(answers.handlesConfidential(), storedChart.handlesConfidential()),
                    RowImporter.pick(answers.businessCritical(), storedChart.businessCritical()),
                    RowImporter.pick(answers.networkAccess(), storedChart.networkAccess()));
            RequiredLevel level = row.requiredLevel();
            RequiredLevel required = RowImporter.pick(level, stored == null ? null : stored.requiredLevel());
            if (required == null || (level == null && stored != null && !storedChart.equals(chart))) {
                required = chart.suggestion().orElse(null);
            }
            return new ContractForm(
                    row.contractNumber(),
                    RowImporter.pick(row.title(), stored == null ? null : stored.title()),
                    RowImporter.pick(
                            c.supplier() == null ? null : c.supplier().id(),
                            stored == null ? null : stored.supplierId()),
                    RowImporter.pick(row.orgUnitId(), stored == null ? onlyUnitInScope : stored.orgUnitId()),
                    RowImporter.pick(c.ownerId(), stored == null ? null : stored.ownerUserId()),
                    RowImporter.pick(row.startDate(), stored == null ? null : stored.startDate()),
                    RowImporter.pick(row.endDate(), stored == null ? null : stored.endDate()),
                    chart,
                    required,
                    RowImporter.pick(row.levelReason(), stored == null ? null : stored.levelReason()));
        }

        private List<FieldChange> changes(Stored before, ContractForm after) {
            List<FieldChange> changes = RowImporter.newList();
            ContractForm b = before.form();
            RowImporter.diff(changes, ImportField.CONTRACT_TITLE, b.title(), after.title());
            if (!Objects.equals(b.supplierId(), after.supplierId())) {
                RowImporter.diff(
                        changes,
                        ImportField.CONTRACT_SUPPLIER,
                        before.supplierName(),
                        c.supplier().name());
            }
            RowImporter.diff(
                    changes, ImportField.CONTRACT_ORG_UNIT, units.code(b.orgUnitId()), units.code(after.orgUnitId()));
            if (!Objects.equals(b.ownerUserId(), after.ownerUserId())) {
                RowImporter.diff(changes, ImportField.CONTRACT_OWNER, before.ownerName(), "#" + after.ownerUserId());
            }
            RowImporter.diff(changes, ImportField.CONTRACT_START_DATE, b.startDate(), after.startDate());
            RowImporter.diff(changes, ImportField.CONTRACT_END_DATE, b.endDate(), after.endDate());
            RowImporter.diff(changes, ImportField.CONTRACT_REQUIRED_LEVEL, b.requiredLevel(), after.requiredLevel());
            DecisionChart bc = b.decisionChart();
            DecisionChart ac = after.decisionChart();
            RowImporter.diff(
                    changes, ImportField.CONTRACT_Q_CONFIDENTIAL, bc.handlesConfidential(), ac.handlesConfidential());
            RowImporter.diff(changes, ImportField.CONTRACT_Q_CRITICAL, bc.businessCritical(), ac.businessCritical());
            RowImporter.diff(changes, ImportField.CONTRACT_Q_NETWORK, bc.networkAccess(), ac.networkAccess());
            RowImporter.diff(changes, ImportField.CONTRACT_LEVEL_REASON, b.levelReason(), after.levelReason());
            return changes;
        }

        private ImportRowResult ok(RowOutcome outcome, Long id, List<FieldChange> changes) {
            return new ImportRowResult(row.rowNo(), outcome, key, id, changes, List.of());
        }

        private Decided<Classified> done(ImportRowResult result, ContractForm form, Stored before) {
            return new Decided<>(
                    result.withKeyFields(shown.entrySet().stream()
                            .map(e -> RowField.of(e.getKey(), e.getValue()))
                            .toList()),
                    new Classified(
                            row.rowNo(),
                            result.outcome(),
                            before == null ? null : before.id(),
                            before == null ? null : before.version(),
                            form,
                            before == null ? null : before.form()));
        }
    }
}
