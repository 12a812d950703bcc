package jp.hoshimi.contract;

import java.time.LocalDate;
import jp.hoshimi.shared.RequiredLevel;

/** What a user (or an API client) enters for a contract. Validated by {@link ContractService}. */
public record ContractForm(
        String contractNumber,
        String title,
        Long supplierId,
        Long orgUnitId,
        Long ownerUserId,
        LocalDate startDate,
        LocalDate endDate,
        DecisionChart decisionChart,
        RequiredLevel requiredLevel,
        String levelReason) {}
