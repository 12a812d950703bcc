package jp.hoshimi.legalentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.legalentity.source.NtaFileReader;
import jp.hoshimi.legalentity.source.NtaFileRejectedException;
import jp.hoshimi.legalentity.source.NtaFileRejectedException.Reason;
import jp.hoshimi.legalentity.source.NtaLimits;
import jp.hoshimi.legalentity.source.NtaRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NtaFileReaderTest {

    static final Path SAMPLES = Path.of("sample-data/nta");

    /** A full row of the format with every column filled, as the NTA writes it (quoted text included). */
    static final String FOREIGN_ROW = "7,9900000000066,13,1,2023-03-03,2023-02-27,\"エグザンプル・トレーディング・リミテッド\","
            + "N123,401,東京都,千代田区,丸の内1-1,A456,13,101,1000005,\"Singapore, 1 Raffles Place\",O789,"
            + "2024-01-31,31,6900000000011,転出,2015-10-05,1,Example Trading Limited,Tokyo,Chiyoda-ku,"
            + "\"1 Raffles Place, Singapore\",エグザンプルトレーディング,1\r\n";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "nta-full-20261130_unicode.zip,UNICODE",
        "nta-full-20261130_sjis.zip,SHIFT_JIS",
        "nta-full-20261130_unicode.csv,UNICODE",
        "nta-full-20261130_sjis.csv,SHIFT_JIS"
    })
    void both_editions_of_the_sample_full_file_read_the_same_rows(String file, NtaEdition edition) {
        List<NtaRow> rows = read(SAMPLES.resolve(file), edition);
        List<NtaRow> reference = read(SAMPLES.resolve("nta-full-20261130_unicode.csv"), NtaEdition.UNICODE);
        assertThat(rows).hasSize(68).isEqualTo(reference);
        NtaRow merged = rows.stream()
                .filter(r -> r.corporateNumber().equals("3340095277778"))
                .findFirst()
                .orElseThrow();
        assertThat(merged.name()).isEqualTo("知多鋳造株式会社");
        assertThat(merged.furigana()).isEqualTo("チタチュウゾウ");
        assertThat(merged.prefectureName()).isEqualTo("愛知県");
        assertThat(merged.address()).isEqualTo("愛知県半田市1-2-3");
        assertThat(rows).extracting(NtaRow::process).contains("01", "11", "12", "13", "21", "22", "72", "81", "99");
        assertThat(rows).extracting(NtaRow::closeCause).contains("01", "21", "31");
    }

    @Test
    void every_one_of_the_thirty_columns_is_read_in_both_encodings() throws IOException {
        for (NtaEdition edition : NtaEdition.values()) {
            Path file = dir.resolve("all-columns-" + edition + ".csv");
            Files.write(file, FOREIGN_ROW.getBytes(edition.charset()));
            NtaRow row = read(file, edition).get(0);
            assertThat(row)
                    .isEqualTo(new NtaRow(
                            7,
                            "9900000000066",
                            "13",
                            true,
                            LocalDate.of(2023, 3, 3),
                            LocalDate.of(2023, 2, 27),
                            "エグザンプル・トレーディング・リミテッド",
                            "N123",
                            "401",
                            "東京都",
                            "千代田区",
                            "丸の内1-1",
                            "A456",
                            "13",
                            "101",
                            "1000005",
                            "Singapore, 1 Raffles Place",
                            "O789",
                            LocalDate.of(2024, 1, 31),
                            "31",
                            "6900000000011",
                            "転出",
                            LocalDate.of(2015, 10, 5),
                            true,
                            "Example Trading Limited",
                            "Tokyo",
                            "Chiyoda-ku",
                            "1 Raffles Place, Singapore",
                            "エグザンプルトレーディング",
                            true));
        }
    }

    @Test
    void the_difference_sample_holds_a_merger_a_correction_and_a_non_latest_row() {
        for (String file : List.of("nta-diff-20261201_unicode.zip", "nta-diff-20261201_sjis.zip")) {
            NtaEdition edition = file.contains("sjis") ? NtaEdition.SHIFT_JIS : NtaEdition.UNICODE;
            List<NtaRow> rows = read(SAMPLES.resolve(file), edition);
            assertThat(rows).hasSize(7);
            NtaRow merger = rows.get(0);
            assertThat(merger.process()).isEqualTo("71");
            assertThat(merger.closeCause()).isEqualTo("11");
            assertThat(merger.successorCorporateNumber()).isEqualTo("6900000000011");
            assertThat(rows).anyMatch(NtaRow::correct).anyMatch(r -> !r.latest());
        }
    }

    @Test
    void a_shift_jis_file_announced_as_unicode_is_refused_as_the_wrong_encoding() {
        assertRejected(SAMPLES.resolve("nta-full-20261130_sjis.zip"), NtaEdition.UNICODE, Reason.WRONG_ENCODING);
    }

    @ParameterizedTest
    @CsvSource({"29,COLUMNS", "31,COLUMNS"})
    void a_row_of_29_or_31_columns_is_refused(int columns, Reason reason) throws IOException {
        String[] cells = FOREIGN_ROW.strip().split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
        String row = String.join(",", Arrays.copyOf(cells, columns).clone()).replace("null", "") + "\r\n";
        assertRejected(csv(row + FOREIGN_ROW), NtaEdition.UNICODE, reason);
    }

    @Test
    void a_bad_check_digit_is_refused_naming_the_row() throws IOException {
        NtaFileRejectedException e = assertRejected(
                csv(FOREIGN_ROW + FOREIGN_ROW.replace("7,9900000000066", "7,9900000000067")),
                NtaEdition.UNICODE,
                Reason.CORPORATE_NUMBER);
        assertThat(e.args()).containsExactly(2L, "9900000000067");
    }

    @Test
    void an_unknown_process_code_is_refused() throws IOException {
        NtaFileRejectedException e = assertRejected(
                csv(FOREIGN_ROW.replace("9900000000066,13,", "9900000000066,14,")), NtaEdition.UNICODE, Reason.PROCESS);
        assertThat(e.args()).containsExactly(1L, "14");
    }

    @Test
    void an_unknown_close_cause_is_refused_naming_the_column() throws IOException {
        NtaFileRejectedException e = assertRejected(
                csv(FOREIGN_ROW.replace("2024-01-31,31,", "2024-01-31,32,")), NtaEdition.UNICODE, Reason.FIELD);
        assertThat(e.args()).containsExactly(1L, "closeCause", "32");
    }

    @Test
    void a_zip_with_two_entries_is_refused() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : List.of("a.csv", "b.csv")) {
                out.putNextEntry(new ZipEntry(name));
                out.write(FOREIGN_ROW.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertRejected(zip, NtaEdition.UNICODE, Reason.ZIP_ENTRIES);
    }

    @Test
    void a_zip_bomb_is_refused_before_it_is_unpacked() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("bomb.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertRejected(zip, NtaEdition.UNICODE, Reason.ZIP_BOMB);
    }

    @Test
    void a_truncated_zip_download_is_refused() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("nta-full-20261130_unicode.zip"));
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(whole, whole.length / 2));
        assertRejected(cut, NtaEdition.UNICODE, Reason.TRUNCATED);
    }

    @Test
    void a_csv_cut_off_in_the_middle_of_a_row_is_refused_as_truncated() throws IOException {
        String text = FOREIGN_ROW + FOREIGN_ROW;
        assertRejected(csv(text.substring(0, text.length() - 40)), NtaEdition.UNICODE, Reason.TRUNCATED);
    }

    @Test
    void an_empty_file_and_a_file_that_is_no_zip_are_refused() throws IOException {
        assertRejected(csv(""), NtaEdition.UNICODE, Reason.EMPTY);
        Path notZip = dir.resolve("fake.zip");
        Files.write(notZip, "PKnot a zip at all".getBytes(StandardCharsets.US_ASCII));
        assertRejected(notZip, NtaEdition.UNICODE, Reason.NOT_A_ZIP);
    }

    private Path csv(String text) throws IOException {
        Path file = Files.createTempFile(dir, "nta-", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static List<NtaRow> read(Path file, NtaEdition edition) {
        List<NtaRow> rows = new ArrayList<>();
        NtaFileReader.read(file, edition, NtaLimits.DEFAULT, rows::add);
        return rows;
    }

    private static NtaFileRejectedException assertRejected(Path file, NtaEdition edition, Reason reason) {
        List<NtaRow> rows = new ArrayList<>();
        var thrown = assertThatThrownBy(() -> NtaFileReader.read(file, edition, NtaLimits.DEFAULT, rows::add))
                .isInstanceOf(NtaFileRejectedException.class)
                .extracting(e -> ((NtaFileRejectedException) e).reason())
                .isEqualTo(reason);
        try {
            NtaFileReader.read(file, edition, NtaLimits.DEFAULT, r -> {});
        } catch (NtaFileRejectedException e) {
            return e;
        }
        throw new AssertionError("not rejected: " + thrown);
    }
}
