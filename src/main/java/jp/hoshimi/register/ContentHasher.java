package jp.hoshimi.register;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import jp.hoshimi.register.source.FeedEntry;

/**
 * Identifies an entry's content: a change in any field is a change of the entry. The SHA-256 of the fields
 * joined by U+001F, in hex, as {@code register_entry.content_hash} holds it — the same value for the same
 * entry always, since every later sync compares with it. One digest and buffer reused: a sync hashes every
 * entry of the feed (200,000), and looking the algorithm up per entry showed in the first load's profile.
 * Not thread-safe: one per sync.
 */
final class ContentHasher {

    private static final char SEPARATOR = '\u001f';
    private static final HexFormat HEX = HexFormat.of();

    private final MessageDigest sha256;
    private final StringBuilder joined = new StringBuilder(256);

    ContentHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    String hash(FeedEntry entry) {
        joined.setLength(0);
        joined.append(entry.corporateNumber())
                .append(SEPARATOR)
                .append(Objects.toString(entry.name(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.level(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.registeredOn(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.validUntil(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.status(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.scope(), ""))
                .append(SEPARATOR)
                .append(Objects.toString(entry.assessmentBody(), ""));
        return HEX.formatHex(sha256.digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
