package jp.hoshimi.dashboard;

import java.time.LocalDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * A contract whose chain is not OK, for the dashboard's list of the riskiest. {@code critical}: it
 * requires ★4 or ★5, or the decision chart answered yes to any question (confidential data,
 * business-critical, network access).
 */
public record RiskyContract(
        long id,
        String contractNumber,
        String title,
        long supplierId,
        String supplierName,
        String orgUnitName,
        RequiredLevel requiredLevel,
        boolean critical,
        ComplianceStatus status,
        int failingLinks,
        int links,
        LocalDate earliestValidUntil) {}
