package jp.hoshimi.security.sso;

import jp.hoshimi.shared.identity.Role;

/** Members of the provider group (or app role) {@code claimValue} get {@code role}. */
public record RoleMapping(long id, String claimValue, Role role) {}
