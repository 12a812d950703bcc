package jp.hoshimi.security.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import jp.hoshimi.security.SecurityEvent;
import jp.hoshimi.security.SecurityEventKind;
import jp.hoshimi.security.SignInBlock;

/** Sign-in throttle rows and security events. */
public interface SecurityEventRepository {

    /** The blocks among these keys that still refuse at {@code now}. */
    List<SignInBlock> activeBlocks(Collection<String> keys, LocalDateTime now);

    /** The key's failure count and last failure, locked for update (a row is created when missing). */
    ThrottleRow lockRow(String key, LocalDateTime now);

    void saveRow(String key, int failures, LocalDateTime lastFailureAt, LocalDateTime blockedUntil, boolean locked);

    /** Forgets the key's failures; true when there was something to forget. */
    boolean clear(String key);

    void insertEvent(
            LocalDateTime occurredAt, SecurityEventKind kind, String username, String clientAddress, String detail);

    /** Newest first; {@code kind} null for all kinds. */
    List<SecurityEvent> events(SecurityEventKind kind, int offset, int limit);

    int countEvents(SecurityEventKind kind);

    /** Every block that still refuses at {@code now}, latest end first. */
    List<SignInBlock> activeBlocks(LocalDateTime now, int limit);

    record ThrottleRow(int failures, LocalDateTime lastFailureAt, LocalDateTime blockedUntil, boolean locked) {}
}
