package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import jp.hoshimi.register.source.FeedEntry;
import org.junit.jupiter.api.Test;

/**
 * Stored entries keep their content hash and every sync compares with it: the reused digest must give the
 * value the hash has always had (fields joined by U+001F, empty for a missing one, SHA-256 in hex).
 */
class ContentHasherTest {

    static final List<FeedEntry> ENTRIES = List.of(
            new FeedEntry(
                    "1180301018771",
                    "株式会社テスト",
                    "STAR3",
                    LocalDate.of(2026, 4, 1),
                    LocalDate.of(2027, 3, 31),
                    "ACTIVE",
                    "全社",
                    "一般社団法人テスト評価機構"),
            new FeedEntry("1180301018771", "任意項目なし", "SA2", null, null, "ACTIVE", null, null),
            new FeedEntry(
                    "1180301018771", "絵文字🏯と𠮷\t改行\n", "SA1", null, LocalDate.of(2030, 1, 1), "REVOKED", "", null));

    @Test
    void the_hash_is_the_sha256_of_the_fields_joined_as_before_for_every_entry_in_a_row() throws Exception {
        ContentHasher hasher = new ContentHasher();

        for (int round = 0; round < 2; round++) { // the digest and buffer are reused
            for (FeedEntry entry : ENTRIES) {
                assertThat(hasher.hash(entry)).isEqualTo(asEverStored(entry));
            }
        }
    }

    @Test
    void a_change_in_any_field_changes_the_hash() {
        ContentHasher hasher = new ContentHasher();
        FeedEntry entry = ENTRIES.get(0);

        assertThat(List.of(
                        hasher.hash(entry),
                        hasher.hash(new FeedEntry(
                                entry.corporateNumber(),
                                entry.name(),
                                entry.level(),
                                entry.registeredOn(),
                                entry.validUntil().plusDays(1),
                                entry.status(),
                                entry.scope(),
                                entry.assessmentBody())),
                        hasher.hash(new FeedEntry(
                                entry.corporateNumber(),
                                entry.name(),
                                entry.level(),
                                entry.registeredOn(),
                                entry.validUntil(),
                                entry.status(),
                                entry.scope(),
                                null))))
                .doesNotHaveDuplicates();
    }

    /** The formula the sync used before the digest was reused (issue 5 to issue 17). */
    private static String asEverStored(FeedEntry entry) throws Exception {
        String joined = String.join(
                "\u001f",
                entry.corporateNumber(),
                Objects.toString(entry.name(), ""),
                Objects.toString(entry.level(), ""),
                Objects.toString(entry.registeredOn(), ""),
                Objects.toString(entry.validUntil(), ""),
                Objects.toString(entry.status(), ""),
                Objects.toString(entry.scope(), ""),
                Objects.toString(entry.assessmentBody(), ""));
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    }
}
