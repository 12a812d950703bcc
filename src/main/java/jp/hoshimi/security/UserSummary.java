package jp.hoshimi.security;

/** A user as pickers and lists show them. */
public record UserSummary(long id, String username, String displayName) {}
