package jp.hoshimi.subcontracting;

/** A contract in which a supplier works as a sub-contractor, and for whom. */
public record SubcontractorUse(
        long contractId,
        String contractNumber,
        String contractTitle,
        String parentName,
        Boolean confidentialDataFlows,
        Boolean systemAccess,
        Boolean businessCritical) {}
