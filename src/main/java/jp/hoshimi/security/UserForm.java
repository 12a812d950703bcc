package jp.hoshimi.security;

import java.util.Set;
import jp.hoshimi.shared.identity.Role;

/** What an administrator enters for a user: the user name is fixed once the user exists. */
public record UserForm(
        String username, String displayName, String email, Set<Role> roles, Set<Long> unitIds, boolean groupWide) {

    public UserForm {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }
}
