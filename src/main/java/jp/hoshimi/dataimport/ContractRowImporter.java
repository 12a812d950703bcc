package jp.hoshimi.dataimport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.supplier.SupplierDetails;

/**
 * Contracts: upsert by contract number within the user's organisation units. The supplier is named
 * by 法人番号 or supplier code, the unit by code or name, the owner by user name. A blank required
 * level takes the decision chart's suggestion; a blank unit is the user's only unit, if they have one.
 */
final class ContractRowImporter extends RowImporter {

    /** What the preview shows of a row besides its outcome. */
    private static final List<ImportField> KEY_FIELDS = List.of(
            ImportField.CONTRACT_NUMBER,
            ImportField.CONTRACT_TITLE,
            ImportField.CONTRACT_SUPPLIER,
            ImportField.CONTRACT_ORG_UNIT,
            ImportField.CONTRACT_REQUIRED_LEVEL);

    private final ContractService contracts;
    private final SupplierRefs suppliers;
    private final UserAccountService users;
    private final Map<String, OrgUnit> unitsByName = new HashMap<>();
    private final Map<Long, OrgUnit> unitsById = new HashMap<>();
    private final Long onlyUnitInScope;
    private final Map<String, Optional<UserSummary>> usersByName = new HashMap<>();

    ContractRowImporter(
            ContractService contracts, SupplierRefs suppliers, OrgUnitService orgUnits, UserAccountService users) {
        this.contracts = contracts;
        this.suppliers = suppliers;
        this.users = users;
        for (OrgUnit unit : orgUnits.all()) {
            unitsByName.put(HeaderMatcher.normalise(unit.code()), unit);
            unitsByName.putIfAbsent(HeaderMatcher.normalise(unit.name()), unit);
            unitsById.put(unit.id(), unit);
        }
        List<OrgUnit> inScope = orgUnits.unitsInScope();
        this.onlyUnitInScope = inScope.size() == 1 ? inScope.get(0).id() : null;
    }

    @Override
    ImportRowResult importRow(RowValues row) {
        return showingKeyFields(row, KEY_FIELDS, this::decide);
    }

    /** Fills {@code shown} with the contract's key fields as stored (or to be stored) once known. */
    private ImportRowResult decide(RowValues row, Map<ImportField, Object> shown) {
        String number = row.text(ImportField.CONTRACT_NUMBER);
        String key = number == null ? "#" + row.rowNumber() : number;
        String title = row.text(ImportField.CONTRACT_TITLE);
        String supplierRef = row.text(ImportField.CONTRACT_SUPPLIER);
        String unitRef = row.text(ImportField.CONTRACT_ORG_UNIT);
        String ownerRef = row.text(ImportField.CONTRACT_OWNER);
        var start = row.date(ImportField.CONTRACT_START_DATE);
        var end = row.date(ImportField.CONTRACT_END_DATE);
        RequiredLevel level = row.level(ImportField.CONTRACT_REQUIRED_LEVEL);
        Boolean q1 = row.yesNo(ImportField.CONTRACT_Q_CONFIDENTIAL);
        Boolean q2 = row.yesNo(ImportField.CONTRACT_Q_CRITICAL);
        Boolean q3 = row.yesNo(ImportField.CONTRACT_Q_NETWORK);
        String reason = row.text(ImportField.CONTRACT_LEVEL_REASON);

        List<FieldProblem> problems = row.problems();
        Long supplierId = null;
        if (supplierRef != null) {
            Optional<SupplierDetails> supplier = suppliers.find(supplierRef);
            supplier.ifPresent(found -> shown.put(ImportField.CONTRACT_SUPPLIER, found.name()));
            supplierId = supplier.map(SupplierDetails::id).orElse(null);
            if (supplierId == null) {
                problems.add(FieldProblem.of("supplierId", "import.value.supplierUnknown", supplierRef));
            }
        }
        Long unitId = null;
        if (unitRef != null) {
            OrgUnit unit = unitsByName.get(HeaderMatcher.normalise(unitRef));
            if (unit == null) {
                problems.add(FieldProblem.of("orgUnitId", "import.value.unitUnknown", unitRef));
            } else {
                unitId = unit.id();
            }
        }
        Long ownerId = null;
        if (ownerRef != null) {
            ownerId = usersByName
                    .computeIfAbsent(ownerRef, users::findByUsername)
                    .map(UserSummary::id)
                    .orElse(null);
            if (ownerId == null) {
                problems.add(FieldProblem.of("ownerUserId", "import.value.userUnknown", ownerRef));
            }
        }
        if (!problems.isEmpty()) {
            return ImportRowResult.error(row.rowNumber(), key, problems);
        }
        ImportRowResult repeated = repeated(
                row,
                key,
                Arrays.asList(
                        title,
                        supplierRef,
                        unitRef,
                        ownerRef,
                        Objects.toString(start),
                        Objects.toString(end),
                        Objects.toString(level),
                        Objects.toString(q1),
                        Objects.toString(q2),
                        Objects.toString(q3),
                        reason));
        if (repeated != null) {
            return repeated;
        }
        Optional<ContractDetails> existing = number == null ? Optional.empty() : contracts.findByNumber(number);
        ContractForm stored = existing.map(ContractDetails::toForm).orElse(null);
        DecisionChart storedChart = stored == null ? DecisionChart.unanswered() : stored.decisionChart();
        DecisionChart chart = new DecisionChart(
                pick(q1, storedChart.handlesConfidential()),
                pick(q2, storedChart.businessCritical()),
                pick(q3, storedChart.networkAccess()));
        RequiredLevel required = pick(level, stored == null ? null : stored.requiredLevel());
        if (required == null || (level == null && existing.isPresent() && chartChanged(storedChart, chart))) {
            required = chart.suggestion().orElse(null);
        }
        ContractForm form = new ContractForm(
                number,
                pick(title, stored == null ? null : stored.title()),
                pick(supplierId, stored == null ? null : stored.supplierId()),
                pick(unitId, stored == null ? onlyUnitInScope : stored.orgUnitId()),
                pick(ownerId, stored == null ? null : stored.ownerUserId()),
                pick(start, stored == null ? null : stored.startDate()),
                pick(end, stored == null ? null : stored.endDate()),
                chart,
                required,
                pick(reason, stored == null ? null : stored.levelReason()));
        shown.put(ImportField.CONTRACT_TITLE, form.title());
        shown.put(ImportField.CONTRACT_ORG_UNIT, unitCode(form.orgUnitId()));
        shown.put(ImportField.CONTRACT_REQUIRED_LEVEL, form.requiredLevel());
        if (supplierRef == null) {
            existing.ifPresent(c -> shown.put(ImportField.CONTRACT_SUPPLIER, c.supplierName()));
        }
        try {
            if (existing.isEmpty()) {
                long id = contracts.create(form);
                return new ImportRowResult(row.rowNumber(), RowOutcome.NEW, key, id, List.of(), List.of());
            }
            List<FieldChange> changes = changes(existing.get(), form);
            if (changes.isEmpty()) {
                return new ImportRowResult(
                        row.rowNumber(),
                        RowOutcome.UNCHANGED,
                        key,
                        existing.get().id(),
                        List.of(),
                        List.of());
            }
            contracts.update(existing.get().id(), existing.get().version(), form);
            return new ImportRowResult(
                    row.rowNumber(), RowOutcome.CHANGED, key, existing.get().id(), changes, List.of());
        } catch (ValidationException e) {
            return ImportRowResult.error(row.rowNumber(), key, e.problems());
        }
    }

    private static boolean chartChanged(DecisionChart before, DecisionChart after) {
        return !before.equals(after);
    }

    private List<FieldChange> changes(ContractDetails before, ContractForm after) {
        List<FieldChange> changes = newList();
        ContractForm b = before.toForm();
        diff(changes, ImportField.CONTRACT_TITLE, b.title(), after.title());
        if (!Objects.equals(b.supplierId(), after.supplierId())) {
            diff(
                    changes,
                    ImportField.CONTRACT_SUPPLIER,
                    before.supplierName(),
                    suppliers
                            .findById(after.supplierId())
                            .map(SupplierDetails::name)
                            .orElse("#" + after.supplierId()));
        }
        diff(changes, ImportField.CONTRACT_ORG_UNIT, unitCode(b.orgUnitId()), unitCode(after.orgUnitId()));
        if (!Objects.equals(b.ownerUserId(), after.ownerUserId())) {
            diff(changes, ImportField.CONTRACT_OWNER, before.ownerName(), "#" + after.ownerUserId());
        }
        diff(changes, ImportField.CONTRACT_START_DATE, b.startDate(), after.startDate());
        diff(changes, ImportField.CONTRACT_END_DATE, b.endDate(), after.endDate());
        diff(changes, ImportField.CONTRACT_REQUIRED_LEVEL, b.requiredLevel(), after.requiredLevel());
        diff(
                changes,
                ImportField.CONTRACT_Q_CONFIDENTIAL,
                b.decisionChart().handlesConfidential(),
                after.decisionChart().handlesConfidential());
        diff(
                changes,
                ImportField.CONTRACT_Q_CRITICAL,
                b.decisionChart().businessCritical(),
                after.decisionChart().businessCritical());
        diff(
                changes,
                ImportField.CONTRACT_Q_NETWORK,
                b.decisionChart().networkAccess(),
                after.decisionChart().networkAccess());
        diff(changes, ImportField.CONTRACT_LEVEL_REASON, b.levelReason(), after.levelReason());
        return changes;
    }

    private String unitCode(Long id) {
        OrgUnit unit = id == null ? null : unitsById.get(id);
        return unit == null ? null : unit.code();
    }
}
