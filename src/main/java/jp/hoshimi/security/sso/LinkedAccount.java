package jp.hoshimi.security.sso;

import java.util.Set;
import jp.hoshimi.shared.identity.Role;

/** An account that signs in through the provider, as the audit trail records it. */
public record LinkedAccount(
        long id,
        String username,
        String displayName,
        String email,
        String signInProvider,
        boolean enabled,
        Set<Role> roles,
        Set<Long> unitIds,
        boolean groupWide) {}
