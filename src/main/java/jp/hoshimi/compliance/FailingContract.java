package jp.hoshimi.compliance;

import jp.hoshimi.shared.ComplianceStatus;

/**
 * A contract a supplier is part of (as contract supplier or anywhere in its chain) whose status is not OK,
 * and why: the worst supplier of its chain ({@code causeTier} 1 = the contract's own supplier, 2 = a
 * sub-contractor of it, …) with that supplier's status. May be the supplier itself.
 */
public record FailingContract(
        long contractId,
        String contractNumber,
        String contractTitle,
        ComplianceStatus status,
        long causeSupplierId,
        String causeSupplierName,
        int causeTier,
        ComplianceStatus causeStatus) {}
