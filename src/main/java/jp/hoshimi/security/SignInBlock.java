package jp.hoshimi.security;

import java.time.LocalDateTime;

/**
 * An account or client address that sign-in currently refuses, for the administrators' unlock list.
 *
 * @param key what is blocked: {@code account:<user>}, {@code address:<client>} or {@code token:<client>}
 * @param locked a lock (after many failures) rather than a short delay
 */
public record SignInBlock(String key, int failures, LocalDateTime blockedUntil, boolean locked) {

    public String kind() {
        return key.substring(0, key.indexOf(':'));
    }

    public String subject() {
        return key.substring(key.indexOf(':') + 1);
    }
}
