package jp.hoshimi.shared.read;

import static jp.hoshimi.shared.read.Fixtures.assertRejected;
import static jp.hoshimi.shared.read.Fixtures.utf8;
import static jp.hoshimi.shared.read.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadLimitsTest {

    private static final ReadLimits DEFAULTS = ReadLimits.defaults();

    @TempDir
    Path dir;

    @Test
    void defaults_are_the_documented_ones() {
        assertThat(DEFAULTS)
                .isEqualTo(new ReadLimits(20L * 1024 * 1024, 200_000, 2_000, 100_000_000L, Duration.ofSeconds(120)));
    }

    @Test
    void rows_beyond_the_limit_are_too_many_header_not_counted() {
        ReadLimits twoRows = limits(DEFAULTS.maxFileBytes(), 2, DEFAULTS.maxCellChars(), DEFAULTS.maxTotalChars());
        Path exactly = write(dir, "two.csv", utf8("会社名\nA社\n\nB社\n"));
        Path over = write(dir, "three.csv", utf8("会社名\nA社\n\nB社\nC社\n"));

        assertThat(read(exactly, twoRows).result().rowCount()).isEqualTo(3);
        assertRejected(() -> read(over, twoRows), Reason.TOO_MANY_ROWS, 5, 2);
    }

    @Test
    void too_many_rows_in_a_workbook_names_the_excel_row() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Sheet sheet = workbook.createSheet("取引先");
        for (int i = 0; i < 5; i++) {
            sheet.createRow(i * 2).createCell(0).setCellValue("行" + i);
        }
        Path file = write(dir, "rows.xlsx", workbook);

        assertRejected(() -> read(file, limits(DEFAULTS.maxFileBytes(), 3, 10, 100)), Reason.TOO_MANY_ROWS, 9, 3);
    }

    @Test
    void columns_beyond_the_limit_are_refused_and_trailing_blank_cells_do_not_count() {
        ReadLimits threeColumns = new ReadLimits(
                DEFAULTS.maxFileBytes(),
                DEFAULTS.maxRows(),
                DEFAULTS.maxCellChars(),
                DEFAULTS.maxTotalChars(),
                DEFAULTS.parseDeadline(),
                3);
        Path fits = write(dir, "fits.csv", utf8("会社名,カナ,国,,,,\nA社,エー,JP,,,\n"));
        Path wide = write(dir, "wide.csv", utf8("会社名,カナ,国\nA社,エー,JP,,x\n"));

        assertThat(read(fits, threeColumns).result().rowCount()).isEqualTo(2);
        assertRejected(() -> read(wide, threeColumns), Reason.TOO_MANY_COLUMNS, 2, 3);
        assertThat(DEFAULTS.maxColumns()).isEqualTo(200);
    }

    @Test
    void cell_over_the_limit_names_row_and_column() {
        ReadLimits fiveChars = limits(DEFAULTS.maxFileBytes(), DEFAULTS.maxRows(), 5, DEFAULTS.maxTotalChars());
        // five characters outside the BMP are ten UTF-16 units but five characters
        Path fits = write(dir, "fits.csv", utf8("会社名,カナ\n𠮷𠮷𠮷𠮷𠮷,ｱｲｳｴｵ\n"));
        Path tooLong = write(dir, "long.csv", utf8("会社名,カナ\nA社,ｱｲｳｴｵｶ\n"));

        assertThat(read(fits, fiveChars).cellsOf(2)).containsExactly("𠮷𠮷𠮷𠮷𠮷", "ｱｲｳｴｵ");
        assertRejected(() -> read(tooLong, fiveChars), Reason.CELL_TOO_LONG, 2, "B", 5);
    }

    @Test
    void text_over_the_total_is_too_much() {
        Path file = write(dir, "text.csv", utf8("会社名,住所\nA社,東京都\nB社,大阪府\n"));

        assertRejected(
                () -> read(file, limits(DEFAULTS.maxFileBytes(), DEFAULTS.maxRows(), DEFAULTS.maxCellChars(), 12)),
                Reason.TOO_MUCH_TEXT,
                3,
                12L);
    }

    @Test
    void file_over_the_size_limit_is_rejected_before_reading() {
        Path file = write(dir, "big.csv", utf8("0123456789\n"));

        assertRejected(
                () -> read(file, limits(10, DEFAULTS.maxRows(), DEFAULTS.maxCellChars(), DEFAULTS.maxTotalChars())),
                Reason.TOO_LARGE,
                11L,
                10L);
    }

    @Test
    void read_past_its_deadline_is_aborted() {
        Path file = write(dir, "slow.csv", utf8("会社名\nA社\n"));
        ReadLimits noTime = new ReadLimits(
                DEFAULTS.maxFileBytes(),
                DEFAULTS.maxRows(),
                DEFAULTS.maxCellChars(),
                DEFAULTS.maxTotalChars(),
                Duration.ofNanos(1));

        ImportRejectedException rejected = Fixtures.rejection(() -> read(file, noTime));

        assertThat(rejected.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
        assertThat(rejected.args()).containsExactly(1, 0L);
    }

    @Test
    void handler_exception_comes_out_unchanged() {
        Path xlsx = write(dir, "a.xlsx", workbookWithOneCell());
        Path csv = write(dir, "a.csv", utf8("会社名\n"));
        IllegalStateException stop = new IllegalStateException("stop");
        SpreadsheetReader reader = new SpreadsheetReader(DEFAULTS);

        assertThatThrownBy(() -> reader.read(xlsx, SheetChooser.firstVisible(), (row, cells) -> {
                    throw stop;
                }))
                .isSameAs(stop);
        assertThatThrownBy(() -> reader.read(csv, SheetChooser.firstVisible(), (row, cells) -> {
                    throw stop;
                }))
                .isSameAs(stop);
        assertThatThrownBy(() -> reader.read(
                        xlsx,
                        sheets -> {
                            throw stop;
                        },
                        (row, cells) -> {}))
                .isSameAs(stop);
    }

    @Test
    void poi_protections_follow_the_limits() {
        SpreadsheetReader.applyPoiProtections(DEFAULTS);

        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(0.01);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(400_000_000L);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(100_000_000L);
        assertThat(IOUtils.getByteArrayMaxOverride()).isEqualTo(20 * 1024 * 1024);
    }

    private static XSSFWorkbook workbookWithOneCell() {
        XSSFWorkbook workbook = new XSSFWorkbook();
        Row row = workbook.createSheet("取引先").createRow(0);
        row.createCell(0).setCellValue("会社名");
        return workbook;
    }

    private static ReadLimits limits(long maxFileBytes, int maxRows, int maxCellChars, long maxTotalChars) {
        return new ReadLimits(maxFileBytes, maxRows, maxCellChars, maxTotalChars, DEFAULTS.parseDeadline());
    }

    private static Fixtures.Read read(Path file, ReadLimits limits) {
        return Fixtures.read(file, limits, SheetChooser.firstVisible());
    }
}
