package jp.hoshimi.shared.read;

import static jp.hoshimi.shared.read.Fixtures.assertRejected;
import static jp.hoshimi.shared.read.Fixtures.utf8;
import static jp.hoshimi.shared.read.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReadingTest {

    /** Characters that Shift_JIS proper loses or changes and windows-31j (CP932) keeps. */
    private static final String CP932_ONLY = "①㈱髙～";

    @TempDir
    Path dir;

    static Stream<Arguments> encodings_and_delimiters() {
        String header = "会社名,法人番号,住所";
        String row = "株式会社" + CP932_ONLY + ",0001234567890,ｱｼｽﾄ区";
        String text = header + "\r\n" + row + "\r\n";
        return Stream.of(
                Arguments.of("windows-31j", text.getBytes(CsvSheetReader.WINDOWS_31J), "windows-31j", ','),
                Arguments.of("UTF-8 without BOM", utf8(text), "UTF-8", ','),
                Arguments.of(
                        "UTF-8 with BOM",
                        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(text)),
                        "UTF-8",
                        ','),
                Arguments.of(
                        "UTF-16LE with BOM (Excel's Unicode text)",
                        ("\uFEFF" + text.replace(',', '\t')).getBytes(StandardCharsets.UTF_16LE),
                        "UTF-16LE",
                        '\t'),
                Arguments.of("tab", utf8(text.replace(',', '\t')), "UTF-8", '\t'),
                Arguments.of("semicolon", utf8(text.replace(',', ';')), "UTF-8", ';'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void encodings_and_delimiters(String name, byte[] content, String charset, char delimiter) {
        Fixtures.Read read = Fixtures.read(write(dir, "suppliers.csv", content));

        assertThat(read.result().format()).isEqualTo(SpreadsheetFormat.CSV);
        assertThat(read.result().charset()).isEqualTo(charset);
        assertThat(read.result().delimiter()).isEqualTo(delimiter);
        assertThat(read.result().sheetName()).isNull();
        assertThat(read.cellsOf(1)).containsExactly("会社名", "法人番号", "住所");
        assertThat(read.cellsOf(2)).containsExactly("株式会社①㈱髙～", "0001234567890", "ｱｼｽﾄ区");
        assertThat(read.result().rowCount()).isEqualTo(2);
    }

    @Test
    void cp932_text_survives_exactly_where_shift_jis_would_not() {
        String text = "名称\n" + CP932_ONLY + "ｱｼｽﾄ\n";
        Fixtures.Read read = Fixtures.read(write(dir, "sjis.csv", text.getBytes(CsvSheetReader.WINDOWS_31J)));

        assertThat(read.result().charset()).isEqualTo("windows-31j");
        assertThat(read.values().get(1)).containsExactly(new CellValue.Text("①㈱髙～ｱｼｽﾄ"));
    }

    @Test
    void header_that_splits_two_ways_is_ambiguous() {
        Path file = write(dir, "mixed.csv", utf8("会社名,住所;電話\nA,B;C\n"));

        ImportRejectedException rejected =
                assertRejected(() -> Fixtures.read(file), Reason.AMBIGUOUS_DELIMITER, ',', ';');

        assertThat(rejected.code()).isEqualTo("import.rejected.ambiguous-delimiter");
    }

    @Test
    void delimiter_inside_quotes_does_not_count() {
        Fixtures.Read read = Fixtures.read(write(dir, "quoted.csv", utf8("\"会社名;カナ\",住所\nA,B\n")));

        assertThat(read.result().delimiter()).isEqualTo(',');
        assertThat(read.cellsOf(1)).containsExactly("会社名;カナ", "住所");
    }

    @Test
    void header_with_no_delimiter_is_a_single_column() {
        Fixtures.Read read = Fixtures.read(write(dir, "one.csv", utf8("会社名\nA社\nB社\n")));

        assertThat(read.result().delimiter()).isEqualTo(',');
        assertThat(read.rows())
                .extracting(Fixtures.Row::cells)
                .containsExactly(List.of("会社名"), List.of("A社"), List.of("B社"));
    }

    @Test
    void quoted_line_break_stays_in_the_cell_and_the_record_counts_once() {
        String text = "会社名,備考\n\"A社\",\"一行目\n二行目\"\nB社,x\n";

        Fixtures.Read read = Fixtures.read(write(dir, "notes.csv", utf8(text)));

        assertThat(read.rowNumbers()).containsExactly(1, 2, 3);
        assertThat(read.cellsOf(2)).containsExactly("A社", "一行目\n二行目");
        assertThat(read.cellsOf(3)).containsExactly("B社", "x");
    }

    @Test
    void blank_records_are_skipped_but_keep_their_numbers() {
        String text = "会社名,法人番号\n\nA社,1\n,,\r\nB社,\n";

        Fixtures.Read read = Fixtures.read(write(dir, "gaps.csv", utf8(text)));

        assertThat(read.rowNumbers()).containsExactly(1, 3, 5);
        assertThat(read.cellsOf(5)).containsExactly("B社");
        assertThat(read.values().get(2)).containsExactly(new CellValue.Text("B社"));
        assertThat(read.result().rowCount()).isEqualTo(3);
    }

    @Test
    void empty_field_between_values_is_empty() {
        Fixtures.Read read = Fixtures.read(write(dir, "holes.csv", utf8("a,b,c\n1,,3\n")));

        assertThat(read.values().get(1))
                .containsExactly(new CellValue.Text("1"), new CellValue.Empty(), new CellValue.Text("3"));
    }

    @Test
    void malformed_quoting_is_corrupt_with_its_row() {
        Path file = write(dir, "broken.csv", utf8("会社名,住所\nA社,東京\nB社,\"大阪\"府\n"));

        assertRejected(() -> Fixtures.read(file), Reason.CORRUPT, 3);
    }

    @Test
    void unclosed_quote_is_corrupt_with_its_row() {
        Path file = write(dir, "open.csv", utf8("会社名,住所\nA社,\"東京\n"));

        assertRejected(() -> Fixtures.read(file), Reason.CORRUPT, 2);
    }

    @Test
    void bytes_that_are_neither_utf8_nor_cp932_are_corrupt() {
        // 0x81 0x20: a CP932 lead byte followed by a byte that cannot trail it
        byte[] start = "会社名\nA社\n".getBytes(CsvSheetReader.WINDOWS_31J);
        Path file = write(dir, "bad.csv", concat(start, new byte[] {'B', (byte) 0x81, 0x20, '\n', 'C', '\n'}));

        assertRejected(() -> Fixtures.read(file), Reason.CORRUPT, 3);
    }

    @Test
    void file_of_blank_lines_has_no_header() {
        Path file = write(dir, "blank.csv", utf8("\n\n,,\n"));

        assertRejected(() -> Fixtures.read(file), Reason.NO_HEADER);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
