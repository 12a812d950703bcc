package jp.hoshimi.security;

import jp.hoshimi.shared.identity.Role;

/** The user list's filter: free text (user name, name, e-mail), a role, active or not; null = any. */
public record UserFilter(String text, Role role, Boolean active) {

    public static UserFilter all() {
        return new UserFilter(null, null, null);
    }
}
