package jp.hoshimi.security;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

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
        int ownedContracts) {

    /**
     * How the user signs in, as a message key. Only local passwords exist here; single sign-on (issue 14,
     * branch sso14) adds the provider's name when {@code app_user.sign_in_provider} is set.
     */
    public String signInMethodKey() {
        return "user.signIn.password";
    }
}
