package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedParserTest {

    static final String HEADER = TestFeeds.HEADER + "\n";
    static final String MINATO = "4120041270230,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,全社,\n";
    static final String HEKIKAI =
            "4180094482246,碧海精密プレス工業株式会社,STAR4,2025-04-01,2028-03-31,ACTIVE,全社,一般社団法人中部情報セキュリティ評価機構\n";

    @TempDir
    Path dir;

    @Test
    void reads_the_default_csv_format() {
        List<FeedEntry> entries = parse(csv(HEADER + HEKIKAI + MINATO), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(entries)
                .containsExactly(
                        new FeedEntry(
                                "4180094482246",
                                "碧海精密プレス工業株式会社",
                                "STAR4",
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2028, 3, 31),
                                "ACTIVE",
                                "全社",
                                "一般社団法人中部情報セキュリティ評価機構"),
                        new FeedEntry(
                                "4120041270230",
                                "株式会社ミナト電装",
                                "STAR3",
                                LocalDate.of(2026, 4, 1),
                                LocalDate.of(2027, 3, 31),
                                "ACTIVE",
                                "全社",
                                null));
    }

    @Test
    void reads_the_default_json_format() {
        String json = """
                {"generated_at": "2026-12-01T00:00:00Z",
                 "entries": [
                  {"corporate_number": "4120041270230", "name": "株式会社ミナト電装", "level": "STAR3",
                   "registered_on": "2026-04-01", "valid_until": "2027-03-31", "status": "ACTIVE",
                   "scope": "全社", "assessment_body": null}
                 ],
                 "count": 1}
                """;

        List<FeedEntry> entries = parse(file("feed.json", json), FeedFormat.JSON, RegisterKind.STAR);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.corporateNumber()).isEqualTo("4120041270230");
            assertThat(entry.validUntil()).isEqualTo(LocalDate.of(2027, 3, 31));
            assertThat(entry.assessmentBody()).isNull();
        });
    }

    @Test
    void a_byte_order_mark_is_skipped_in_csv_and_json() {
        Path csv = file("bom.csv", "\uFEFF" + HEADER + MINATO);
        Path json = file(
                "bom.json",
                "\uFEFF[{\"corporate_number\":\"4120041270230\",\"name\":\"株式会社ミナト電装\",\"level\":\"STAR3\","
                        + "\"valid_until\":\"2027-03-31\",\"status\":\"ACTIVE\"}]");
        FieldMapping topLevelArray = FieldMapping.builder().entriesPath("").build();

        assertThat(parse(csv, FeedFormat.CSV, RegisterKind.STAR)).hasSize(1);
        assertThat(parse(json, FeedFormat.JSON, RegisterKind.STAR, topLevelArray))
                .hasSize(1);
    }

    @Test
    void a_field_mapping_reads_another_register_with_japanese_names_synonyms_and_dates() {
        String feed = """
                法人番号,商号又は名称,区分,登録年月日,有効期限,状態
                ４１２００４１２７０２３０,株式会社ミナト電装,★3,2026年4月1日,2027年3月31日,有効
                4180094482246,碧海精密プレス工業株式会社,★4,2025年4月1日,2028年3月31日,一時停止
                """;
        FieldMapping mapping = FieldMapping.builder()
                .corporateNumber("法人番号")
                .name("商号又は名称")
                .level("区分")
                .registeredOn("登録年月日")
                .validUntil("有効期限")
                .status("状態")
                .scope(null)
                .assessmentBody(null)
                .levelValues(Map.of("★3", "STAR3", "★4", "STAR4"))
                .statusValues(Map.of("有効", "ACTIVE", "一時停止", "SUSPENDED"))
                .datePattern("yyyy年M月d日")
                .build();

        List<FeedEntry> entries = parse(csv(feed), FeedFormat.CSV, RegisterKind.STAR, mapping);

        assertThat(entries)
                .extracting(
                        FeedEntry::corporateNumber,
                        FeedEntry::level,
                        FeedEntry::status,
                        FeedEntry::registeredOn,
                        FeedEntry::scope)
                .containsExactly(
                        tuple("4120041270230", "STAR3", "ACTIVE", LocalDate.of(2026, 4, 1), null),
                        tuple("4180094482246", "STAR4", "SUSPENDED", LocalDate.of(2025, 4, 1), null));
    }

    @Test
    void json_entries_may_be_nested_under_another_path() {
        String json = "{\"data\":{\"meta\":{\"n\":1},\"items\":[{\"corporate_number\":\"4120041270230\","
                + "\"name\":\"株式会社ミナト電装\",\"level\":\"STAR3\",\"valid_until\":\"2027-03-31\",\"status\":\"ACTIVE\"}]}}";
        FieldMapping mapping = FieldMapping.builder().entriesPath("data.items").build();

        assertThat(parse(file("nested.json", json), FeedFormat.JSON, RegisterKind.STAR, mapping))
                .hasSize(1);
    }

    @Test
    void security_action_declarations_need_no_expiry_and_have_their_own_levels() {
        String feed = HEADER + "4120041270230,株式会社ミナト電装,SA2,2023-06-12,,ACTIVE,,\n";

        List<FeedEntry> entries = parse(csv(feed), FeedFormat.CSV, RegisterKind.SECURITY_ACTION);

        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.level()).isEqualTo("SA2");
            assertThat(entry.validUntil()).isNull();
        });
    }

    @Test
    void blank_lines_are_skipped_and_line_numbers_stay_true() {
        String feed = HEADER + "\n" + MINATO + "\n\n" + "4180094482246,碧海精密,STAR9,2025-04-01,2028-03-31,ACTIVE,,\n";

        RegisterSourceException failure = failure(csv(feed), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.detail()).startsWith("line 6: ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            bad check digit      | 4120041270231,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,, | line 2: invalid 法人番号 '4120041270231' (wrong check digit)
            too short            | 123,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,,           | line 2: invalid 法人番号 '123' (not 13 digits)
            not digits           | 412004127023X,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,, | line 2: invalid 法人番号 '412004127023X' (not only digits)
            no 法人番号          | ,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,,              | line 2: corporate_number (法人番号) is empty
            no name              | 4120041270230,,STAR3,2026-04-01,2027-03-31,ACTIVE,,                   | line 2: name is empty
            unknown level        | 4120041270230,株式会社ミナト電装,STAR6,2026-04-01,2027-03-31,ACTIVE,, | line 2: unknown level 'STAR6' for the STAR register (expected STAR3, STAR4, STAR5)
            SA in STAR register  | 4120041270230,株式会社ミナト電装,SA1,2026-04-01,2027-03-31,ACTIVE,,   | line 2: unknown level 'SA1' for the STAR register (expected STAR3, STAR4, STAR5)
            unknown status       | 4120041270230,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,VALID,,  | line 2: unknown status 'VALID' (expected ACTIVE, SUSPENDED, REVOKED or EXPIRED)
            no such day          | 4120041270230,株式会社ミナト電装,STAR3,2026-04-01,2027-02-30,ACTIVE,, | line 2: valid_until '2027-02-30' is not a date of the form uuuu-MM-dd
            not a date           | 4120041270230,株式会社ミナト電装,STAR3,2026/04/01,2027-03-31,ACTIVE,, | line 2: registered_on '2026/04/01' is not a date of the form uuuu-MM-dd
            no expiry for a star | 4120041270230,株式会社ミナト電装,STAR3,2026-04-01,,ACTIVE,,           | line 2: valid_until is empty
            expiry before start  | 4120041270230,株式会社ミナト電装,STAR3,2026-04-01,2025-03-31,ACTIVE,, | line 2: valid_until 2025-03-31 is before registered_on 2026-04-01
            too few fields       | 4120041270230,株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE   | line 2: 6 fields where the header has 8
            broken quoting       | 4120041270230,"株式会社ミナト電装,STAR3,2026-04-01,2027-03-31,ACTIVE,, | line 2: broken quoting
            """)
    void a_bad_csv_entry_is_malformed_with_its_line(String what, String entry, String detail) {
        RegisterSourceException failure = failure(csv(HEADER + entry + "\n"), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).startsWith(detail);
        assertThat(failure.code()).isEqualTo("register.source.malformed");
    }

    @Test
    void a_quote_that_never_closes_does_not_swallow_the_feed() {
        StringBuilder feed = new StringBuilder(HEADER).append("4120041270230,\"株式会社ミナト電装,STAR3\n");
        for (int i = 1; i <= 30_000; i++) {
            feed.append(TestFeeds.csvLine(i)).append('\n');
        }

        RegisterSourceException failure = failure(csv(feed.toString()), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.detail())
                .isEqualTo("line 2: a record runs over 1,000,000 characters (a quote that never closes?)");
    }

    @Test
    void the_same_corporate_number_twice_is_malformed() {
        RegisterSourceException failure =
                failure(csv(HEADER + MINATO + HEKIKAI + MINATO), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).isEqualTo("line 4: 法人番号 4120041270230 appears again (first on line 2)");
    }

    @Test
    void a_header_without_a_required_column_is_malformed() {
        String feed = "corporate_number,name,level,status\n4120041270230,株式会社ミナト電装,STAR3,ACTIVE\n";

        RegisterSourceException failure = failure(csv(feed), FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.detail())
                .isEqualTo(
                        "line 1: header has no column 'valid_until' (columns: corporate_number, name, level, status)");
    }

    @Test
    void optional_columns_may_be_missing() {
        String feed =
                "corporate_number,name,level,valid_until,status\n4120041270230,株式会社ミナト電装,STAR3,2027-03-31,ACTIVE\n";

        assertThat(parse(csv(feed), FeedFormat.CSV, RegisterKind.STAR))
                .singleElement()
                .satisfies(entry -> assertThat(entry.registeredOn()).isNull());
    }

    @Test
    void invalid_utf8_is_malformed() throws IOException {
        byte[] shiftJis = (HEADER + MINATO).getBytes("windows-31j");
        Path feed = Files.write(dir.resolve("sjis.csv"), shiftJis);

        RegisterSourceException failure = failure(feed, FeedFormat.CSV, RegisterKind.STAR);

        assertThat(failure.detail()).isEqualTo("line 2: not valid UTF-8 (the feed must be UTF-8)");
    }

    @Test
    void a_feed_without_entries_is_empty() {
        assertThat(failure(csv(HEADER), FeedFormat.CSV, RegisterKind.STAR).reason())
                .isEqualTo(Reason.EMPTY);
        assertThat(failure(csv(""), FeedFormat.CSV, RegisterKind.STAR).reason()).isEqualTo(Reason.EMPTY);
        assertThat(failure(file("empty.json", "{\"entries\":[]}"), FeedFormat.JSON, RegisterKind.STAR)
                        .detail())
                .isEqualTo("the feed has no entries");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            cut short          | {"entries":[{"corporate_number":"4120041270230","name":"株式会社ミナト電装","level":"STAR3",             | line 1: not valid JSON: Unexpected end-of-input
            cut after array    | {"entries":[{"corporate_number":"4120041270230","name":"x","level":"STAR3","valid_until":"2027-03-31","status":"ACTIVE"}] | line 1: not valid JSON: Unexpected end-of-input
            no entries array   | {"items":[]}                                                                                        | line 1: no array 'entries' of entries
            entry not object   | {"entries":["4120041270230"]}                                                                       | line 1: entry 1 is not an object
            key twice          | {"entries":[{"name":"a","name":"b"}]}                                                               | line 1: not valid JSON: Duplicate field 'name'
            nested value       | {"entries":[{"corporate_number":"4120041270230","name":{"ja":"x"},"level":"STAR3"}]}                | line 1 (entry 1): name must be a value, not an object
            bad entry          | {"entries":[{"corporate_number":"4120041270230","name":"x","level":"STAR3","valid_until":"2027-13-01","status":"ACTIVE"}]} | line 1 (entry 1): valid_until '2027-13-01' is not a date
            """)
    void a_bad_json_feed_is_malformed_with_its_line(String what, String json, String detail) {
        RegisterSourceException failure = failure(file("bad.json", json), FeedFormat.JSON, RegisterKind.STAR);

        assertThat(failure.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(failure.detail()).startsWith(detail);
    }

    @Test
    void json_line_numbers_point_at_the_entry() {
        String json = "{\"entries\":[\n"
                + "{\"corporate_number\":\"4120041270230\",\"name\":\"x\",\"level\":\"STAR3\",\"valid_until\":\"2027-03-31\",\"status\":\"ACTIVE\"},\n"
                + "{\"corporate_number\":\"4120041270230\",\"name\":\"x\",\"level\":\"STAR3\",\"valid_until\":\"2027-03-31\",\"status\":\"ACTIVE\"}\n"
                + "]}";

        RegisterSourceException failure = failure(file("dup.json", json), FeedFormat.JSON, RegisterKind.STAR);

        assertThat(failure.detail()).isEqualTo("line 3 (entry 2): 法人番号 4120041270230 appears again (first on line 2)");
    }

    // ---- helpers

    Path csv(String content) {
        return file("feed.csv", content);
    }

    Path file(String name, String content) {
        return TestFeeds.write(dir.resolve(name), content);
    }

    static List<FeedEntry> parse(Path body, FeedFormat format, RegisterKind kind) {
        return parse(body, format, kind, FieldMapping.defaults());
    }

    static List<FeedEntry> parse(Path body, FeedFormat format, RegisterKind kind, FieldMapping mapping) {
        List<FeedEntry> entries = new ArrayList<>();
        int count = FeedParser.parse(body, format, kind, mapping, entries::add);
        assertThat(count).isEqualTo(entries.size());
        return entries;
    }

    static RegisterSourceException failure(Path body, FeedFormat format, RegisterKind kind) {
        RegisterSourceException failure = catchThrowableOfType(
                RegisterSourceException.class,
                () -> FeedParser.parse(body, format, kind, FieldMapping.defaults(), entry -> {}));
        assertThat(failure).as("a RegisterSourceException").isNotNull();
        return failure;
    }
}
