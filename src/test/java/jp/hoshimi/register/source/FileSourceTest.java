package jp.hoshimi.register.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import jp.hoshimi.register.source.FetchResult.Fetched;
import jp.hoshimi.register.source.FetchResult.NotModified;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {

    static final Instant MODIFIED = Instant.parse("2026-12-01T00:00:00Z");

    @TempDir
    Path dir;

    Path feed;
    Path spool;
    FileSource source;

    @BeforeEach
    void setUp() throws IOException {
        feed = TestFeeds.csv(dir.resolve("register.csv"), 5);
        Files.setLastModifiedTime(feed, FileTime.from(MODIFIED));
        spool = Files.createDirectories(dir.resolve("spool"));
        source = new FileSource(feed, FeedFormat.CSV, spool, 1_000_000);
    }

    @AfterEach
    void nothingLeftBehind() throws IOException {
        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).as("spool files left behind").isEmpty();
        }
    }

    @Test
    void the_first_fetch_gives_a_copy_with_size_hash_and_time_as_validators() throws IOException {
        Fetched result = (Fetched) source.fetch(Validators.none());

        try {
            assertThat(Files.readAllBytes(result.body())).isEqualTo(Files.readAllBytes(feed));
            assertThat(result.body()).isNotEqualTo(feed).hasParent(spool);
            assertThat(result.validators())
                    .isEqualTo(new Validators(
                            "\"" + Files.size(feed) + "-" + result.sha256() + "\"", "2026-12-01T00:00:00Z"));
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(source.id()).isEqualTo("file:" + feed.toAbsolutePath());
        } finally {
            Files.delete(result.body());
        }
        assertThat(feed).exists(); // the caller deletes the copy, never the file
    }

    @Test
    void an_unchanged_file_is_not_modified() throws IOException {
        Validators first = fetchAndDelete(Validators.none());

        FetchResult second = source.fetch(first);

        assertThat(second).isEqualTo(new NotModified(first, 1));
    }

    @Test
    void a_file_touched_without_a_change_is_not_modified_with_its_new_time() throws IOException {
        Validators first = fetchAndDelete(Validators.none());
        Files.setLastModifiedTime(feed, FileTime.from(MODIFIED.plusSeconds(60)));

        FetchResult second = source.fetch(first);

        assertThat(second).isInstanceOf(NotModified.class);
        assertThat(second.validators().etag()).isEqualTo(first.etag());
        assertThat(second.validators().lastModified()).isEqualTo("2026-12-01T00:01:00Z");
    }

    @Test
    void a_changed_file_is_fetched_again() throws IOException {
        Validators first = fetchAndDelete(Validators.none());
        TestFeeds.csv(feed, 6);
        Files.setLastModifiedTime(feed, FileTime.from(MODIFIED.plusSeconds(60)));

        FetchResult second = source.fetch(first);

        assertThat(second).isInstanceOf(Fetched.class);
        assertThat(second.validators().etag()).isNotEqualTo(first.etag());
        Files.delete(((Fetched) second).body());
    }

    @Test
    void a_change_that_keeps_size_and_time_is_still_seen() throws IOException {
        Validators first = fetchAndDelete(Validators.none());
        Files.writeString(feed, Files.readString(feed).replace("STAR3", "STAR4"));
        Files.setLastModifiedTime(feed, FileTime.from(MODIFIED)); // e.g. copied over with cp -p

        FetchResult second = source.fetch(first);

        assertThat(second).isInstanceOf(Fetched.class);
        assertThat(second.validators().lastModified()).isEqualTo(first.lastModified());
        Files.delete(((Fetched) second).body());
    }

    @Test
    void a_missing_file_is_file_not_found() {
        FileSource missing = new FileSource(dir.resolve("nothing.csv"), FeedFormat.CSV, spool, 1_000_000);

        RegisterSourceException failure = HttpFeedSourceTest.failure(() -> missing.fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.FILE_NOT_FOUND);
        assertThat(failure.detail())
                .isEqualTo("there is no file " + dir.resolve("nothing.csv").toAbsolutePath());
    }

    @Test
    void a_file_over_the_cap_is_too_large() {
        FileSource small = new FileSource(feed, FeedFormat.CSV, spool, 100);

        RegisterSourceException failure = HttpFeedSourceTest.failure(() -> small.fetch(Validators.none()));

        assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(failure.detail()).startsWith("the file has ").endsWith(" bytes, over the cap of 100 bytes");
    }

    @Test
    void an_html_file_or_an_empty_file_is_refused() throws IOException {
        Files.writeString(feed, "<!DOCTYPE html><html><head><title>Export failed</title></head></html>");

        RegisterSourceException html = HttpFeedSourceTest.failure(() -> source.fetch(Validators.none()));
        Files.writeString(feed, "\n  \n");
        RegisterSourceException empty = HttpFeedSourceTest.failure(() -> source.fetch(Validators.none()));

        assertThat(html.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(html.detail()).isEqualTo("the file is an HTML page titled 'Export failed', not a feed");
        assertThat(empty.reason()).isEqualTo(Reason.EMPTY);
    }

    private Validators fetchAndDelete(Validators previous) throws IOException {
        Fetched result = (Fetched) source.fetch(previous);
        Files.delete(result.body());
        return result.validators();
    }
}
