package jp.hoshimi.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The audit log's hash chain (docs/decisions/0020-audit-hash-chain.md): an event's hash is SHA-256 over its
 * canonical content and the previous event's hash. The canonical form is length-prefixed, so no choice of
 * field values can make two different events read the same; V22 computes the very same in SQL to chain
 * the events that existed before it.
 */
final class AuditChain {

    /** The "previous hash" of the first event. */
    static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private AuditChain() {}

    static String hash(
            long id,
            LocalDateTime occurredAt,
            String actor,
            String entityType,
            String entityId,
            String action,
            String before,
            String after,
            String previousHash) {
        String canonical = "v1|" + id + "|" + MICROS.format(occurredAt) + "|" + field(actor) + "|"
                + field(entityType) + "|" + field(entityId) + "|" + field(action) + "|" + field(before) + "|"
                + field(after) + "|" + previousHash;
        return HexFormat.of().formatHex(sha256().digest(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** Length in characters (as MariaDB's CHAR_LENGTH counts them), a colon, the value; null is "-1:". */
    private static String field(String value) {
        return value == null ? "-1:" : value.codePointCount(0, value.length()) + ":" + value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
