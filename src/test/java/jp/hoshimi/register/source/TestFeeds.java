package jp.hoshimi.register.source;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** Feeds for tests. */
final class TestFeeds {

    static final String HEADER = "corporate_number,name,level,registered_on,valid_until,status,scope,assessment_body";

    private TestFeeds() {}

    /** A valid 法人番号 for a base number (0 … 999,999,999,999): the NTA check digit in front. */
    static String corporateNumber(long base) {
        String digits = String.format("%012d", base);
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            sum += (digits.charAt(12 - n) - '0') * (n % 2 == 1 ? 1 : 2);
        }
        return (9 - sum % 9) + digits;
    }

    /** A CSV line of the default format for entry {@code i}. */
    static String csvLine(int i) {
        LocalDate validUntil = LocalDate.of(2027, 1, 1).plusDays(i % 1000);
        return corporateNumber(180_001_000_000L + i) + ",株式会社テスト" + i + "," + (i % 3 == 0 ? "STAR4" : "STAR3")
                + "," + validUntil.minusYears(1).plusDays(1) + "," + validUntil + ","
                + (i % 50 == 0 ? "EXPIRED" : "ACTIVE")
                + ",全社," + (i % 3 == 0 ? "一般社団法人テスト評価機構" : "");
    }

    /** A default-format CSV feed of {@code entries} entries. */
    static Path csv(Path file, int entries) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 1; i <= entries; i++) {
                out.write(csvLine(i));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Path write(Path file, String content) {
        try {
            return Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
