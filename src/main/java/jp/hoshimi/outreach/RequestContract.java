package jp.hoshimi.outreach;

/** A contract that needs the level, as it was when the request was made. */
public record RequestContract(long contractId, String contractNumber, String contractTitle, String requiredLevel) {}
