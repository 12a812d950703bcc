package jp.hoshimi.subcontracting;

/** A contract in which a supplier works as a sub-contractor, and for whom. */
public record SubcontractorUse(
        long contractId,
        String contractNumber,
        String contractTitle,
        String parentName,
        boolean confidentialDataFlows,
        boolean systemAccess,
        Boolean businessCritical) {}
