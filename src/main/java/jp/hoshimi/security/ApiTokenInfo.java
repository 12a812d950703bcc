package jp.hoshimi.security;

import java.time.LocalDateTime;
import jp.hoshimi.shared.identity.Role;

/** An API token as administrators see it: never its value, which is shown once at creation only. */
public record ApiTokenInfo(
        long id,
        String name,
        Role role,
        Long orgUnitId,
        String createdBy,
        LocalDateTime createdAt,
        LocalDateTime lastUsedAt,
        LocalDateTime revokedAt) {

    public boolean isActive() {
        return revokedAt == null;
    }
}
