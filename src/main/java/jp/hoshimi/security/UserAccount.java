package jp.hoshimi.security;

import java.time.LocalDateTime;
import java.util.Set;
import jp.hoshimi.shared.identity.Role;

/** A user as the administrator edits them; {@code version} guards against a stale save. */
public record UserAccount(
        long id,
        String username,
        String displayName,
        String email,
        Set<Role> roles,
        Set<Long> unitIds,
        boolean groupWide,
        boolean active,
        boolean mustChangePassword,
        LocalDateTime lastSignInAt,
        LocalDateTime deactivatedAt,
        String deactivatedBy,
        int version) {}
