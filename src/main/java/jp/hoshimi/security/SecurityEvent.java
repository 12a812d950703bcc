package jp.hoshimi.security;

import java.time.LocalDateTime;

/** One stored security event, for the administrators' list. Times are UTC. */
public record SecurityEvent(
        long id,
        LocalDateTime occurredAt,
        SecurityEventKind kind,
        String username,
        String clientAddress,
        String detail) {}
