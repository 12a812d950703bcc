package jp.hoshimi.security;

/** A contract whose owner has been deactivated: someone else should take it over. */
public record HandoverContract(
        long contractId, String contractNumber, String title, String ownerName, String ownerUsername) {}
