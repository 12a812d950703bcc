package jp.hoshimi.subcontracting;

import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One sub-contractor of a contract's chain as exported: who brings it in, its tier (the contract's supplier
 * is tier 1), the three chart answers (each null = not answered), the level required of it and whether that
 * was set explicitly, and its current status ({@code null} before its first evaluation).
 */
public record ChainExportRow(
        int tier,
        String parentName,
        String supplierName,
        String corporateNumber,
        LinkAnswers answers,
        RequiredLevel requiredLevel,
        boolean levelExplicit,
        ComplianceStatus status) {}
