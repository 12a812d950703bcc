package jp.hoshimi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code's one-line pointers to the design decisions ({@code docs/decisions/0012-….md}, "decision 0016")
 * lead to a note that exists: a note renamed or renumbered leaves no dangling pointer behind (issue 16).
 */
class DecisionPointersTest {

    static final Path DECISIONS = Path.of("docs/decisions");

    /** {@code docs/decisions/0019-short-leases-heartbeat.md}, or the number alone: {@code docs/decisions/0010}. */
    static final Pattern PATH = Pattern.compile("docs/decisions/(\\d{4})(-[A-Za-z0-9-]+\\.md)?");

    /** "decision 0016", "decisions 0023", "ADR 0011". */
    static final Pattern NUMBER = Pattern.compile("(?i)\\b(?:decisions?|ADR) (\\d{4})\\b");

    @Test
    void every_decision_pointer_in_the_code_names_an_existing_note() throws IOException {
        List<String> dangling = new ArrayList<>();
        int pointers = 0;
        for (Path source : sources()) {
            String text = Files.readString(source);
            Matcher path = PATH.matcher(text);
            while (path.find()) {
                pointers++;
                boolean exists = path.group(2) == null
                        ? noteNumbered(path.group(1))
                        : Files.isRegularFile(DECISIONS.resolve(path.group(1) + path.group(2)));
                if (!exists) {
                    dangling.add(source + ": " + path.group());
                }
            }
            Matcher number = NUMBER.matcher(text);
            while (number.find()) {
                pointers++;
                if (!noteNumbered(number.group(1))) {
                    dangling.add(source + ": " + number.group());
                }
            }
        }
        assertThat(pointers).as("pointers found (the scan reads the sources)").isGreaterThan(50);
        assertThat(dangling).as("pointers to no decision note").isEmpty();
    }

    @Test
    void a_pointer_to_a_renamed_note_is_caught() {
        Matcher old = PATH.matcher("see docs/decisions/0012-dashboard.md.");

        assertThat(old.find()).isTrue();
        assertThat(Files.isRegularFile(DECISIONS.resolve(old.group(1) + old.group(2))))
                .isFalse();
        assertThat(noteNumbered(old.group(1))).isTrue();
    }

    private static boolean noteNumbered(String number) {
        try (Stream<Path> notes = Files.list(DECISIONS)) {
            return notes.anyMatch(note -> note.getFileName().toString().startsWith(number + "-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> sources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/dev/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                files.filter(file -> file.toString().endsWith(".java"))
                        .filter(file -> !file.endsWith("DecisionPointersTest.java"))
                        .forEach(sources::add);
            }
        }
        return sources;
    }
}
