package jp.hoshimi.compliance;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.hoshimi.compliance.internal.CoverageQueries;
import jp.hoshimi.compliance.internal.FindingQueries;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract-term coverage (issue 20): a contract's term against its chain's registrations, the supplier
 * check for a planned period, and the renewal outlook of the next twelve months. Contracts outside the
 * user's data scope are not found and not counted. The rules are {@link CoverageRules}.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class CoverageService {

    public static final int OUTLOOK_MONTHS = 12;
    public static final int MAX_PAGE_SIZE = 1000;

    private final CoverageQueries coverage;
    private final FindingQueries findings;
    private final ComplianceService compliance;
    private final ContractService contracts;
    private final OrgUnitService orgUnits;
    private final BusinessDate businessDate;

    CoverageService(
            CoverageQueries coverage,
            FindingQueries findings,
            ComplianceService compliance,
            ContractService contracts,
            OrgUnitService orgUnits,
            BusinessDate businessDate) {
        this.coverage = coverage;
        this.findings = findings;
        this.compliance = compliance;
        this.contracts = contracts;
        this.orgUnits = orgUnits;
        this.businessDate = businessDate;
    }

    /** @throws NotFoundException when the contract does not exist or is outside the user's scope */
    @Transactional(readOnly = true)
    public ContractCoverage contractCoverage(long contractId) {
        ContractDetails contract =
                contracts.find(contractId).orElseThrow(() -> new NotFoundException("contract", contractId));
        return CoverageRules.cover(contract.startDate(), contract.endDate(), findings.ofContract(contractId));
    }

    /**
     * The supplier check for a contract planned from {@code start} to {@code end}: today's answer and the
     * renewals the held registration needs to last the period.
     *
     * @throws ValidationException when the end is missing or before the start
     */
    @Transactional(readOnly = true)
    public PeriodCheck checkForPeriod(long supplierId, RequiredLevel level, LocalDate start, LocalDate end) {
        if (end == null) {
            throw new ValidationException(FieldProblem.of("end", "coverage.check.endRequired"));
        }
        if (start != null && end.isBefore(start)) {
            throw new ValidationException(FieldProblem.of("end", "contract.endBeforeStart"));
        }
        SupplierCheck check = compliance.check(supplierId, level);
        Verdict v = check.verdict();
        List<LocalDate> due =
                check.canContract() ? CoverageRules.renewalsBefore(v.heldLevel(), v.validUntil(), end) : List.of();
        boolean known = due.isEmpty() || CoverageRules.validity(v.heldLevel()).isPresent();
        return new PeriodCheck(check, start, end, due, known);
    }

    /**
     * The next {@value #OUTLOOK_MONTHS} months from the business date's month, each with the registrations
     * ending in it that contracts in scope depend on (months without any included, as zero).
     */
    @Transactional(readOnly = true)
    public List<RenewalMonth> renewalOutlook() {
        LocalDate today = businessDate.today();
        YearMonth first = YearMonth.from(today);
        YearMonth last = first.plusMonths(OUTLOOK_MONTHS - 1L);
        Map<YearMonth, RenewalMonth> found = coverage.months(orgUnits.currentScope(), today, first, last).stream()
                .collect(Collectors.toMap(RenewalMonth::month, Function.identity()));
        List<RenewalMonth> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(found.getOrDefault(m, new RenewalMonth(m, 0, 0)));
        }
        return months;
    }

    /** One page of the registrations ending in the month and the contracts in scope that depend on them. */
    @Transactional(readOnly = true)
    public List<RenewalDependency> renewalsIn(YearMonth month, int offset, int limit) {
        return coverage.dependencies(
                orgUnits.currentScope(),
                businessDate.today(),
                month,
                Math.max(0, offset),
                Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countRenewalsIn(YearMonth month) {
        return coverage.countDependencies(orgUnits.currentScope(), businessDate.today(), month);
    }
}
