package jp.hoshimi.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.register.source.FeedEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staging file is LOAD DATA's default format; every value must come back as it was written. */
class StagingFileTest {

    @TempDir
    Path dir;

    static FeedEntry named(String name) {
        return new FeedEntry(
                "1180301018771",
                name,
                "STAR3",
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31),
                "ACTIVE",
                "全社",
                "一般社団法人テスト評価機構");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "株式会社テスト",
                "タブ\tの\t社名",
                "改行\nと\r\n復帰",
                "バック\\スラッシュ\\",
                "\\N",
                "\\t は文字どおり",
                "末尾に\\",
                "NUL\u0000入り",
                "絵文字🏯と𠮷野家"
            })
    void a_name_comes_back_exactly_as_written(String name) {
        List<String[]> rows = writeAndRead(List.of(named(name)));

        assertThat(rows).singleElement().satisfies(row -> assertThat(row[1]).isEqualTo(name));
    }

    @Test
    void a_row_is_one_line_of_ten_tab_separated_fields_with_backslash_escapes() throws IOException {
        try (StagingFile file = StagingFile.create(dir)) {
            file.write(named("タブ\tと\\と\n"), "ab".repeat(32), "NEW");
            file.finish();

            assertThat(Files.readString(file.path(), StandardCharsets.UTF_8))
                    .isEqualTo("1180301018771\tタブ\\tと\\\\と\\n\tSTAR3\t2026-04-01\t2027-03-31\tACTIVE\t全社"
                            + "\t一般社団法人テスト評価機構\t" + "ab".repeat(32) + "\tNEW\n");
        }
    }

    @Test
    void missing_values_are_null_and_a_removal_carries_only_its_number() {
        FeedEntry sparse = new FeedEntry("1180301018771", "株式会社テスト", "SA1", null, null, "ACTIVE", null, null);
        List<String[]> rows = new ArrayList<>();
        try (StagingFile file = StagingFile.create(dir)) {
            file.write(sparse, "ab".repeat(32), "CHANGED");
            file.writeRemoval("2180301018770", "REMOVED");
            file.finish();
            assertThat(file.rows()).isEqualTo(2);
            StagingFile.read(file.path(), rows::add);
        }

        assertThat(rows.get(0))
                .containsExactly(
                        "1180301018771",
                        "株式会社テスト",
                        "SA1",
                        null,
                        null,
                        "ACTIVE",
                        null,
                        null,
                        "ab".repeat(32),
                        "CHANGED");
        assertThat(rows.get(1))
                .containsExactly("2180301018770", null, null, null, null, null, null, null, null, "REMOVED");
    }

    @Test
    void long_values_are_cut_to_the_column_length_and_never_inside_a_surrogate_pair() {
        String name = "あ".repeat(299) + "🏯" + "い";
        List<String[]> rows = writeAndRead(List.of(named(name)));

        assertThat(rows.get(0)[1]).isEqualTo("あ".repeat(299));
        assertThat(StagingFile.truncate("a".repeat(298) + "🏯", 300)).isEqualTo("a".repeat(298) + "🏯");
    }

    @Test
    void the_file_is_deleted_when_closed() {
        Path path;
        try (StagingFile file = StagingFile.create(dir)) {
            path = file.path();
            assertThat(path).exists();
        }
        assertThat(path).doesNotExist();
    }

    private List<String[]> writeAndRead(List<FeedEntry> entries) {
        List<String[]> rows = new ArrayList<>();
        try (StagingFile file = StagingFile.create(dir)) {
            for (FeedEntry entry : entries) {
                file.write(entry, "0".repeat(64), "NEW");
            }
            file.finish();
            StagingFile.read(file.path(), rows::add);
        }
        return rows;
    }
}
