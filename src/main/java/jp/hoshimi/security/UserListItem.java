package jp.hoshimi.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import jp.hoshimi.shared.identity.Role;

/** One row of the user administration list. */
public record UserListItem(
        long id,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        List<String> unitNames,
        boolean groupWide,
        boolean active,
        LocalDateTime lastSignInAt,
        int ownedContracts,
        String signInProvider) {

    /**
     * How the user signs in, as a message key taking the provider's registration id: a local password, or
     * single sign-on when the account was created by an OpenID Connect sign-in ({@code sign_in_provider}).
     */
    public String signInMethodKey() {
        return signInProvider == null ? "user.signIn.password" : "user.signIn.sso";
    }
}
