package jp.hoshimi.security;

import java.time.LocalDateTime;

/** One of the signed-in user's live sessions (never the session id itself). */
public record OwnSession(
        LocalDateTime signedInAt, LocalDateTime lastRequestAt, String address, String userAgent, boolean current) {}
