package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23: each format a register may be published in reads to the same entries as the same data in the
 * default CSV — CP932 CSV with a title block, an .xlsx download, nested JSON — with Japanese headers, ★ levels,
 * Japanese statuses and 令和 dates; the format is told by content, not by name.
 */
class FeedFormatsTest {

    static final Path DEMO = Path.of("sample-data/register-star.csv");

    @TempDir
    Path dir;

    static List<FeedEntry> parse(Path body, FeedFormat format, FieldMapping mapping) {
        List<FeedEntry> entries = new ArrayList<>();
        FeedParser.parse(body, format, RegisterKind.STAR, mapping, entries::add);
        return entries;
    }

    List<FeedEntry> defaults() {
        return parse(DEMO, FeedFormat.CSV, FieldMapping.defaults());
    }

    @Test
    void cp932_csv_with_a_title_block_reads_as_the_default_csv() {
        Path csv = OfficialShapedRegister.csv(dir.resolve("登録一覧.csv"), OfficialShapedRegister.lines(DEMO));

        assertThat(FeedParser.detect(csv)).isEqualTo(FeedFormat.CSV);
        List<FeedEntry> entries = parse(csv, FeedFormat.CSV, OfficialShapedRegister.mapping());

        assertThat(entries).hasSize(70).containsExactlyElementsOf(defaults());
    }

    @Test
    void an_xlsx_download_reads_as_the_default_csv_whatever_its_name() {
        Path xlsx = OfficialShapedRegister.xlsx(dir.resolve("register.csv"), OfficialShapedRegister.lines(DEMO));

        assertThat(FeedParser.detect(xlsx)).isEqualTo(FeedFormat.XLSX);
        List<FeedEntry> entries = parse(xlsx, FeedParser.detect(xlsx), OfficialShapedRegister.mapping());

        assertThat(entries).containsExactlyElementsOf(defaults());
    }

    @Test
    void nested_json_with_japanese_keys_reads_as_the_default_csv() {
        Path json = OfficialShapedRegister.json(dir.resolve("register.txt"), OfficialShapedRegister.lines(DEMO));

        assertThat(FeedParser.detect(json)).isEqualTo(FeedFormat.JSON);
        assertThat(parse(json, FeedFormat.JSON, OfficialShapedRegister.mapping()))
                .containsExactlyElementsOf(defaults());
    }

    @Test
    void era_dates_read_the_first_year_written_gannen_and_full_width_digits() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("era.csv"),
                "法人番号,事業者名,段階,登録日,有効期限,状態\n"
                        + TestFeeds.corporateNumber(1) + ",元年株式会社,★3,令和元年5月1日,令和１０年４月３０日,有効\n"
                        + TestFeeds.corporateNumber(2) + ",平成株式会社,Basic,平成31年4月30日,令和2年4月29日,失効\n",
                StandardCharsets.UTF_8);
        FieldMapping mapping =
                OfficialShapedRegister.mapping().toBuilder().encoding("UTF-8").build();

        List<FeedEntry> entries = parse(csv, FeedFormat.CSV, mapping);

        assertThat(entries)
                .extracting(FeedEntry::registeredOn, FeedEntry::validUntil, FeedEntry::level, FeedEntry::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2019, 5, 1), LocalDate.of(2028, 4, 30), "STAR3", "ACTIVE"),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.of(2019, 4, 30), LocalDate.of(2020, 4, 29), "STAR3", "EXPIRED"));
    }

    @Test
    void a_cp932_feed_read_as_utf8_is_refused_with_its_line() {
        Path csv = OfficialShapedRegister.csv(dir.resolve("sjis.csv"), OfficialShapedRegister.lines(DEMO));
        FieldMapping utf8 =
                OfficialShapedRegister.mapping().toBuilder().encoding("UTF-8").build();

        assertThatThrownBy(() -> parse(csv, FeedFormat.CSV, utf8))
                .isInstanceOf(RegisterSourceException.class)
                .hasMessageContaining("line 1: not valid UTF-8");
    }

    @Test
    void a_preview_lists_every_rejected_entry_and_why_and_counts_the_good_ones() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("bad.csv"),
                "法人番号,事業者名,段階,登録日,有効期限,状態\n"
                        + TestFeeds.corporateNumber(1) + ",良い株式会社,★3,令和8年4月1日,令和9年3月31日,有効\n"
                        + "1234567890123,番号違い株式会社,★3,令和8年4月1日,令和9年3月31日,有効\n"
                        + TestFeeds.corporateNumber(3) + ",星不明株式会社,★9,令和8年4月1日,令和9年3月31日,有効\n"
                        + TestFeeds.corporateNumber(4) + ",日付違い株式会社,★4,2026-04-01,令和9年3月31日,有効\n"
                        + TestFeeds.corporateNumber(5) + ",状態不明株式会社,★4,令和8年4月1日,令和9年3月31日,保留\n",
                StandardCharsets.UTF_8);
        FieldMapping mapping =
                OfficialShapedRegister.mapping().toBuilder().encoding("UTF-8").build();
        List<FeedParser.Rejection> rejected = new ArrayList<>();

        int accepted = FeedParser.preview(
                csv, FeedFormat.CSV, RegisterKind.STAR, mapping, FeedParser.SPREADSHEET_LIMITS, e -> {}, rejected::add);

        assertThat(accepted).isEqualTo(1);
        assertThat(rejected)
                .extracting(FeedParser.Rejection::where)
                .containsExactly("line 3", "line 4", "line 5", "line 6");
        assertThat(rejected.get(0).reason()).contains("wrong check digit");
        assertThat(rejected.get(1).reason()).contains("unknown level '★9'");
        assertThat(rejected.get(2).reason()).contains("登録日 '2026-04-01' is not a date of the form GGGGy年M月d日");
        assertThat(rejected.get(3).reason()).contains("unknown status '保留'");
    }

    @Test
    void a_header_that_is_not_found_under_the_title_block_names_what_is_missing() throws Exception {
        Path csv = Files.writeString(
                dir.resolve("wrong.csv"),
                "登録事業者一覧\n法人番号,名称,段階,有効期限,状態\n" + TestFeeds.corporateNumber(1) + ",A社,★3,令和9年3月31日,有効\n",
                StandardCharsets.UTF_8);
        FieldMapping mapping =
                OfficialShapedRegister.mapping().toBuilder().encoding("UTF-8").build();

        assertThatThrownBy(() -> parse(csv, FeedFormat.CSV, mapping))
                .isInstanceOf(RegisterSourceException.class)
                .hasMessageContaining("line 2: header has no column '事業者名'");
    }
}
