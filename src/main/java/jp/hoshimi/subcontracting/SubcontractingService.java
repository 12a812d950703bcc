package jp.hoshimi.subcontracting;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.SubcontractorPolicy;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.subcontracting.internal.LinkRepository;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sub-contractor chains (再委託) per contract: a tree of suppliers of any depth whose first tier is the
 * contract's supplier. The contract's data scope applies: a chain of a contract the user cannot see is
 * "not found".
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class SubcontractingService {

    public static final String AUDIT_TYPE = "subcontracting_link";

    private final LinkRepository links;
    private final ContractService contracts;
    private final SupplierService suppliers;
    private final AuditTrail audit;
    private final Clock clock;
    private final SettingsService settings;
    private final OrgUnitService orgUnits;
    private final ApplicationEventPublisher events;
    private final ComplianceService compliance;

    SubcontractingService(
            LinkRepository links,
            ContractService contracts,
            SupplierService suppliers,
            SettingsService settings,
            OrgUnitService orgUnits,
            AuditTrail audit,
            Clock clock,
            ApplicationEventPublisher events,
            ComplianceService compliance) {
        this.compliance = compliance;
        this.events = events;
        this.settings = settings;
        this.orgUnits = orgUnits;
        this.links = links;
        this.contracts = contracts;
        this.suppliers = suppliers;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every link of the contract's chain, parents before children. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<ChainLink> chain(long contractId) {
        ContractDetails contract = visibleContract(contractId);
        SubcontractorPolicy policy = settings.policy().subcontractorPolicy();
        return links.ofContract(contractId).stream()
                .map(link -> withRequiredLevel(link, contract, policy))
                .toList();
    }

    /**
     * Hands the contract's sub-contractors to {@code row} in tree order (each right after its parent, as the
     * chain tree shows them), for an export. A chain is a few dozen links, read once; the rows go straight
     * on to the writer.
     *
     * @throws NotFoundException when the contract does not exist or is outside the user's scope
     */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public void exportChain(long contractId, Consumer<ChainExportRow> row) {
        ContractDetails contract = visibleContract(contractId);
        Map<Long, List<ChainLink>> childrenOf = new HashMap<>();
        chain(contractId)
                .forEach(link -> childrenOf
                        .computeIfAbsent(link.parentSupplierId(), parent -> new ArrayList<>())
                        .add(link));
        Map<Long, Finding> findings = new HashMap<>();
        compliance.contractEvaluation(contractId).links().forEach(f -> findings.put(f.supplierId(), f));
        Set<Long> written = new HashSet<>();
        exportBelow(contract.supplierId(), contract.supplierName(), 2, childrenOf, findings, written, row);
    }

    private static void exportBelow(
            long parentId,
            String parentName,
            int tier,
            Map<Long, List<ChainLink>> childrenOf,
            Map<Long, Finding> findings,
            Set<Long> written,
            Consumer<ChainExportRow> row) {
        for (ChainLink link : childrenOf.getOrDefault(parentId, List.of())) {
            if (!written.add(link.id())) {
                continue;
            }
            Finding finding = findings.get(link.childSupplierId());
            row.accept(new ChainExportRow(
                    tier,
                    parentName,
                    link.childName(),
                    link.childCorporateNumber(),
                    link.answers(),
                    link.requiredLevel(),
                    link.levelIsExplicit(),
                    finding == null ? null : finding.status()));
            exportBelow(link.childSupplierId(), link.childName(), tier + 1, childrenOf, findings, written, row);
        }
    }

    /** The contracts (in the user's scope) in which this supplier is a sub-contractor. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<SubcontractorUse> usesOf(long supplierId) {
        return links.usesOf(orgUnits.currentScope(), supplierId);
    }

    @Transactional
    public long addLink(long contractId, LinkForm form) {
        ContractDetails contract = visibleContract(contractId);
        if (form.parentSupplierId() == null || form.childSupplierId() == null) {
            throw new ChainException("validation.required");
        }
        long parent = form.parentSupplierId();
        long child = form.childSupplierId();
        SupplierDetails childSupplier =
                suppliers.find(child).orElseThrow(() -> new ChainException("contract.supplier.unknown"));
        ChainRules rules = new ChainRules(contract.supplierId());
        links.ofContract(contractId).forEach(link -> rules.add(link.parentSupplierId(), link.childSupplierId()));
        rules.problemOfNewLink(parent, child, childSupplier.name()).ifPresent(problem -> {
            throw new ChainException(problem);
        });
        long id = links.insert(contractId, form, LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, auditState(contract, form));
        events.publishEvent(MasterDataChangedEvent.contract(contractId));
        return id;
    }

    @Transactional
    public void updateLink(long contractId, long linkId, int version, LinkForm form) {
        ContractDetails contract = visibleContract(contractId);
        ChainLink before = link(contractId, linkId);
        if (!links.updateFlows(linkId, version, form, LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_TYPE, linkId);
        }
        audit.record(
                AUDIT_TYPE,
                linkId,
                AuditAction.UPDATE,
                auditState(contract, before),
                auditState(
                        contract,
                        new LinkForm(
                                before.parentSupplierId(),
                                before.childSupplierId(),
                                form.confidentialDataFlows(),
                                form.systemAccess(),
                                form.businessCritical(),
                                form.requiredLevelOverride(),
                                form.note())));
        events.publishEvent(MasterDataChangedEvent.contract(contractId));
    }

    /** A new link of an import, checked against the chain by the import's classification (decision 0035). */
    public record ImportedLink(long contractId, LinkForm form) {}

    /** A changed link of an import: as it was read at {@code version}, and as it is to be stored. */
    public record ImportedLinkChange(long contractId, long id, int version, LinkForm before, LinkForm after) {}

    /**
     * Writes an import's new and changed links in bulk, in the caller's transaction (decision 0035): every
     * contract must be in the user's scope, the new links go in with one multi-row INSERT, the changed ones
     * are version-checked under a lock and updated in one batch (a link saved by someone since the import's
     * check fails it all), the audit events go in one INSERT and one event asks for one re-evaluation of
     * every contract touched. The tree rules were applied by the import's check, against the same chains.
     *
     * @return the new links' ids, in the order of {@code creates}
     */
    @Transactional
    public List<Long> importAll(List<ImportedLink> creates, List<ImportedLinkChange> changes) {
        Set<Long> contractIds = new HashSet<>();
        creates.forEach(link -> contractIds.add(link.contractId()));
        changes.forEach(change -> contractIds.add(change.contractId()));
        Map<Long, String> numbers = links.contractNumbersInScope(orgUnits.currentScope(), contractIds);
        contractIds.stream().filter(id -> !numbers.containsKey(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("contract", id);
        });
        for (ImportedLink link : creates) {
            if (link.form().parentSupplierId().equals(link.form().childSupplierId())) {
                throw new ChainException("chain.selfLink", link.form().childSupplierId());
            }
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> ids = links.insertAll(creates, now);
        List<AuditTrail.Event> auditEvents = new ArrayList<>(ids.size() + changes.size());
        for (int i = 0; i < ids.size(); i++) {
            ImportedLink link = creates.get(i);
            auditEvents.add(new AuditTrail.Event(
                    ids.get(i), AuditAction.CREATE, null, auditState(numbers.get(link.contractId()), link.form())));
        }
        Map<Long, Integer> stored =
                links.lockVersions(changes.stream().map(ImportedLinkChange::id).toList());
        Map<Long, LinkForm> updates = new java.util.LinkedHashMap<>();
        for (ImportedLinkChange change : changes) {
            if (!Integer.valueOf(change.version()).equals(stored.get(change.id()))) {
                throw new ConcurrentEditException(AUDIT_TYPE, change.id());
            }
            updates.put(change.id(), change.after());
            String number = numbers.get(change.contractId());
            auditEvents.add(new AuditTrail.Event(
                    change.id(),
                    AuditAction.UPDATE,
                    auditState(number, change.before()),
                    auditState(number, change.after())));
        }
        links.updateAll(updates, now);
        audit.recordAll(AUDIT_TYPE, auditEvents);
        if (!contractIds.isEmpty()) {
            events.publishEvent(new MasterDataChangedEvent(Set.of(), contractIds));
        }
        return ids;
    }

    /** Removes a link; a sub-contractor that has sub-contractors of its own must be emptied first. */
    @Transactional
    public void removeLink(long contractId, long linkId, int version) {
        ContractDetails contract = visibleContract(contractId);
        ChainLink link = link(contractId, linkId);
        long below = links.ofContract(contractId).stream()
                .filter(l -> l.parentSupplierId() == link.childSupplierId())
                .count();
        if (below > 0) {
            throw new ChainException("chain.hasChildren", link.childName(), below);
        }
        if (!links.delete(linkId, version)) {
            throw new ConcurrentEditException(AUDIT_TYPE, linkId);
        }
        audit.record(AUDIT_TYPE, linkId, AuditAction.DELETE, auditState(contract, link), null);
        events.publishEvent(MasterDataChangedEvent.contract(contractId));
    }

    private ChainLink link(long contractId, long linkId) {
        return links.ofContract(contractId).stream()
                .filter(l -> l.id() == linkId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(AUDIT_TYPE, linkId));
    }

    private ContractDetails visibleContract(long contractId) {
        return contracts.find(contractId).orElseThrow(() -> new NotFoundException("contract", contractId));
    }

    private static ChainLink withRequiredLevel(ChainLink link, ContractDetails contract, SubcontractorPolicy policy) {
        boolean explicit = link.requiredLevelOverride() != null;
        var required =
                explicit ? link.requiredLevelOverride() : policy.requiredOf(contract.requiredLevel(), link.answers());
        return new ChainLink(
                link.id(),
                link.contractId(),
                link.parentSupplierId(),
                link.childSupplierId(),
                link.childName(),
                link.childCorporateNumber(),
                link.confidentialDataFlows(),
                link.systemAccess(),
                link.businessCritical(),
                link.requiredLevelOverride(),
                required,
                explicit ? List.of() : policy.raisedBy(contract.requiredLevel(), link.answers()),
                link.note(),
                link.version());
    }

    private static Map<String, Object> auditState(ContractDetails contract, LinkForm form) {
        return auditState(contract.contractNumber(), form);
    }

    private static Map<String, Object> auditState(String contractNumber, LinkForm form) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("contract", contractNumber);
        state.put("parentSupplierId", form.parentSupplierId());
        state.put("childSupplierId", form.childSupplierId());
        state.put("confidentialDataFlows", form.confidentialDataFlows());
        state.put("systemAccess", form.systemAccess());
        state.put("businessCritical", form.businessCritical());
        state.put("requiredLevelOverride", form.requiredLevelOverride());
        state.put("note", form.note());
        return state;
    }

    private static Map<String, Object> auditState(ContractDetails contract, ChainLink link) {
        return auditState(
                contract,
                new LinkForm(
                        link.parentSupplierId(),
                        link.childSupplierId(),
                        link.confidentialDataFlows(),
                        link.systemAccess(),
                        link.businessCritical(),
                        link.requiredLevelOverride(),
                        link.note()));
    }
}
