package jp.hoshimi.security;

/** What a security event records (stored by name in {@code security_event.kind}). */
public enum SecurityEventKind {
    SIGN_IN_SUCCEEDED,
    SIGN_IN_FAILED,
    /** An attempt refused without checking the password, during a delay after repeated failures. */
    SIGN_IN_THROTTLED,
    LOCKED,
    TOKEN_REFUSED,
    /** A bearer token refused without checking it, during a delay after repeated wrong tokens. */
    TOKEN_THROTTLED,
    UNLOCKED;

    public String messageKey() {
        return "securityEvent.kind." + name();
    }
}
