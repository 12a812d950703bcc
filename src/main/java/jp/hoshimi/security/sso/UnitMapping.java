package jp.hoshimi.security.sso;

/** Members of the provider group (or app role) {@code claimValue} belong to the organisation unit. */
public record UnitMapping(long id, String claimValue, long orgUnitId, String orgUnitName) {}
