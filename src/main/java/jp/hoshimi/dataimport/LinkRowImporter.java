package jp.hoshimi.dataimport;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierDetails;

/**
 * Sub-contractor links: upsert by contract + parent + child. A blank parent is the contract's own
 * supplier (a first-tier sub-contractor). Rows are applied in file order, so a row may hang a
 * sub-contractor under one added by an earlier row. Cycles and self-links are refused by the service.
 * The business-critical answer is optional: blank stays "not answered" (never "no").
 */
final class LinkRowImporter extends RowImporter {

    /** What the preview shows of a row besides its outcome. */
    private static final List<ImportField> KEY_FIELDS = List.of(
            ImportField.LINK_CONTRACT_NUMBER,
            ImportField.LINK_PARENT,
            ImportField.LINK_CHILD,
            ImportField.LINK_REQUIRED_LEVEL);

    private final ContractService contracts;
    private final SubcontractingService chains;
    private final SupplierRefs suppliers;
    private final Map<String, Optional<ContractDetails>> contractsByNumber = new HashMap<>();

    LinkRowImporter(ContractService contracts, SubcontractingService chains, SupplierRefs suppliers) {
        this.contracts = contracts;
        this.chains = chains;
        this.suppliers = suppliers;
    }

    @Override
    ImportRowResult importRow(RowValues row) {
        return showingKeyFields(row, KEY_FIELDS, this::decide);
    }

    /** Fills {@code shown} with the names of the link's contract supplier, parent and child once known. */
    private ImportRowResult decide(RowValues row, Map<ImportField, Object> shown) {
        String number = row.text(ImportField.LINK_CONTRACT_NUMBER);
        String parentRef = row.text(ImportField.LINK_PARENT);
        String childRef = row.text(ImportField.LINK_CHILD);
        Boolean confidential = row.yesNo(ImportField.LINK_CONFIDENTIAL_DATA);
        Boolean systemAccess = row.yesNo(ImportField.LINK_SYSTEM_ACCESS);
        Boolean businessCritical = row.yesNo(ImportField.LINK_BUSINESS_CRITICAL);
        RequiredLevel level = row.level(ImportField.LINK_REQUIRED_LEVEL);
        String note = row.text(ImportField.LINK_NOTE);
        String key = String.join(
                " / ",
                Objects.toString(number, "?"),
                Objects.toString(parentRef, "—"),
                Objects.toString(childRef, "?"));

        List<FieldProblem> problems = row.problems();
        if (number == null) {
            problems.add(FieldProblem.of("contractNumber", "validation.required"));
        }
        if (childRef == null) {
            problems.add(FieldProblem.of("childSupplierId", "validation.required"));
        }
        Optional<ContractDetails> contract =
                number == null ? Optional.empty() : contractsByNumber.computeIfAbsent(number, contracts::findByNumber);
        if (number != null && contract.isEmpty()) {
            problems.add(FieldProblem.of("contractNumber", "import.value.contractUnknown", number));
        }
        Long parentId = contract.map(ContractDetails::supplierId).orElse(null);
        if (parentRef == null) {
            contract.ifPresent(c -> shown.put(ImportField.LINK_PARENT, c.supplierName()));
        } else {
            Optional<SupplierDetails> parent = suppliers.find(parentRef);
            parent.ifPresent(p -> shown.put(ImportField.LINK_PARENT, p.name()));
            parentId = parent.map(SupplierDetails::id).orElse(null);
            if (parentId == null) {
                problems.add(FieldProblem.of("parentSupplierId", "import.value.supplierUnknown", parentRef));
            }
        }
        Optional<SupplierDetails> childSupplier = childRef == null ? Optional.empty() : suppliers.find(childRef);
        childSupplier.ifPresent(c -> shown.put(ImportField.LINK_CHILD, c.name()));
        Long childId = childSupplier.map(SupplierDetails::id).orElse(null);
        if (childRef != null && childId == null) {
            problems.add(FieldProblem.of("childSupplierId", "import.value.supplierUnknown", childRef));
        }
        if (!problems.isEmpty()) {
            return ImportRowResult.error(row.rowNumber(), key, problems);
        }
        ImportRowResult repeated = repeated(
                row,
                number + "/" + parentId + "/" + childId,
                Arrays.asList(
                        Objects.toString(confidential),
                        Objects.toString(systemAccess),
                        Objects.toString(businessCritical),
                        Objects.toString(level),
                        note));
        if (repeated != null) {
            return repeated;
        }
        long contractId = contract.orElseThrow().id();
        long parent = parentId;
        long child = childId;
        Optional<ChainLink> existing = chains.chain(contractId).stream()
                .filter(l -> l.parentSupplierId() == parent && l.childSupplierId() == child)
                .findFirst();
        try {
            if (existing.isEmpty()) {
                long id = chains.addLink(
                        contractId,
                        new LinkForm(parent, child, confidential, systemAccess, businessCritical, level, note));
                return new ImportRowResult(row.rowNumber(), RowOutcome.NEW, key, id, List.of(), List.of());
            }
            ChainLink before = existing.get();
            LinkForm after = new LinkForm(
                    parent,
                    child,
                    pick(confidential, before.confidentialDataFlows()),
                    pick(systemAccess, before.systemAccess()),
                    pick(businessCritical, before.businessCritical()),
                    pick(level, before.requiredLevelOverride()),
                    pick(note, before.note()));
            List<FieldChange> changes = newList();
            diff(
                    changes,
                    ImportField.LINK_CONFIDENTIAL_DATA,
                    before.confidentialDataFlows(),
                    after.confidentialDataFlows());
            diff(changes, ImportField.LINK_SYSTEM_ACCESS, before.systemAccess(), after.systemAccess());
            diff(changes, ImportField.LINK_BUSINESS_CRITICAL, before.businessCritical(), after.businessCritical());
            diff(
                    changes,
                    ImportField.LINK_REQUIRED_LEVEL,
                    before.requiredLevelOverride(),
                    after.requiredLevelOverride());
            diff(changes, ImportField.LINK_NOTE, before.note(), after.note());
            if (changes.isEmpty()) {
                return new ImportRowResult(
                        row.rowNumber(), RowOutcome.UNCHANGED, key, before.id(), List.of(), List.of());
            }
            chains.updateLink(contractId, before.id(), before.version(), after);
            return new ImportRowResult(row.rowNumber(), RowOutcome.CHANGED, key, before.id(), changes, List.of());
        } catch (ValidationException e) {
            return ImportRowResult.error(row.rowNumber(), key, e.problems());
        }
    }
}
