package jp.hoshimi.compliance;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.hoshimi.compliance.internal.ComplianceRepository;
import jp.hoshimi.compliance.internal.FindingQueries;
import jp.hoshimi.compliance.internal.FindingQueries.StoredStatus;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance answers for people and the API: a contract's chain, a supplier's findings, the current
 * findings by status, and the supplier check. Contracts outside the user's data scope are not found.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class ComplianceService {

    public static final int MAX_PAGE_SIZE = 1000;

    private final FindingQueries queries;
    private final ComplianceRepository repository;
    private final ComplianceEvaluator evaluator;
    private final ContractService contracts;
    private final SupplierService suppliers;
    private final OrgUnitService orgUnits;
    private final RegisterService register;
    private final SettingsService settings;
    private final BusinessDate businessDate;

    ComplianceService(
            FindingQueries queries,
            ComplianceRepository repository,
            ComplianceEvaluator evaluator,
            ContractService contracts,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            RegisterService register,
            SettingsService settings,
            BusinessDate businessDate) {
        this.queries = queries;
        this.repository = repository;
        this.evaluator = evaluator;
        this.contracts = contracts;
        this.suppliers = suppliers;
        this.orgUnits = orgUnits;
        this.register = register;
        this.settings = settings;
        this.businessDate = businessDate;
    }

    /** @throws NotFoundException when the contract does not exist or is outside the user's scope */
    @Transactional(readOnly = true)
    public ContractEvaluation contractEvaluation(long contractId) {
        ContractDetails contract =
                contracts.find(contractId).orElseThrow(() -> new NotFoundException("contract", contractId));
        RegisterService.Freshness freshness = register.freshness();
        StoredStatus stored = queries.contractStatus(contractId).orElse(null);
        return new ContractEvaluation(
                contractId,
                contract.contractNumber(),
                stored == null ? null : stored.status(),
                stored == null ? null : stored.since(),
                stored == null ? null : stored.previous(),
                queries.ofContract(contractId),
                freshness.stale(),
                freshness.lastSuccess());
    }

    /** @throws NotFoundException when the contract number is unknown or outside the user's scope */
    @Transactional(readOnly = true)
    public ContractEvaluation contractEvaluation(String contractNumber) {
        ContractDetails contract = contracts
                .findByNumber(contractNumber)
                .orElseThrow(() -> new NotFoundException("contract", contractNumber));
        return contractEvaluation(contract.id());
    }

    /** @throws NotFoundException for an unknown supplier */
    @Transactional(readOnly = true)
    public SupplierEvaluation supplierEvaluation(long supplierId) {
        suppliers.find(supplierId).orElseThrow(() -> new NotFoundException("supplier", supplierId));
        RegisterService.Freshness freshness = register.freshness();
        StoredStatus stored = queries.supplierStatus(supplierId).orElse(null);
        return new SupplierEvaluation(
                supplierId,
                stored == null ? null : stored.status(),
                stored == null ? null : stored.since(),
                stored == null ? null : stored.previous(),
                queries.registrationOf(supplierId).orElse(null),
                queries.aboutSupplier(orgUnits.currentScope(), supplierId),
                freshness.stale(),
                freshness.lastSuccess());
    }

    /**
     * The contracts in the user's scope that the supplier is part of and whose status is not OK, worst
     * first, each with its cause (the worst supplier of the chain); one page.
     */
    @Transactional(readOnly = true)
    public List<FailingContract> failingContracts(long supplierId, int offset, int limit) {
        return queries.failingContracts(
                orgUnits.currentScope(), supplierId, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countFailingContracts(long supplierId) {
        return queries.countFailingContracts(orgUnits.currentScope(), supplierId);
    }

    /** Current findings with these statuses (all when empty), worst first. */
    @Transactional(readOnly = true)
    public List<Finding> findings(Set<ComplianceStatus> statuses, int offset, int limit) {
        return queries.withStatus(
                orgUnits.currentScope(), statuses, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countFindings(Set<ComplianceStatus> statuses) {
        return queries.countWithStatus(orgUnits.currentScope(), statuses);
    }

    /**
     * Whether a contract requiring {@code level} can be placed with the supplier today, by the same rules
     * as the evaluation, from the register as stored now.
     */
    @Transactional(readOnly = true)
    public SupplierCheck check(long supplierId, RequiredLevel level) {
        SupplierDetails supplier =
                suppliers.find(supplierId).orElseThrow(() -> new NotFoundException("supplier", supplierId));
        PolicySettings policy = settings.policy();
        LocalDate today = businessDate.today();
        RegisterFacts facts =
                repository.facts(List.of(supplierId)).getOrDefault(supplierId, new RegisterFacts(null, null, null));
        Verdict verdict = ComplianceRules.evaluate(facts, level, today, policy);
        LocalDate warningFrom = verdict.validUntil() == null || verdict.heldLevel() == null
                ? null
                : verdict.validUntil().minusDays(policy.firstWarningDays(verdict.heldLevel()));
        RegisterService.Freshness freshness = register.freshness();
        return new SupplierCheck(
                supplierId,
                supplier.name(),
                supplier.corporateNumber(),
                verdict,
                warningFrom,
                freshness.stale(),
                freshness.lastSuccess());
    }

    /** The date evaluations judge by (fixed for demos by {@code hoshimi.clock.fixed-date}). */
    public LocalDate evaluationDate() {
        return businessDate.today();
    }

    /** Re-evaluates everything now (administrators; the daily job does the same). */
    @RolesAllowed(Role.ADMIN_NAME)
    public ComplianceEvaluator.Result evaluateAll() {
        return evaluator.evaluateAll();
    }
}
