package jp.hoshimi.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The theme's one stylesheet keeps its blocks balanced. A media query left open once put every rule written
 * after it (the set-up checklist, the coverage and accepted-risk colours) inside "max-width: 900px": on a
 * desktop they silently did nothing, and the checklist's title and findings ran together.
 */
class ThemeStylesheetTest {

    static final Path STYLES = Path.of("frontend/themes/hoshimi/styles.css");

    @Test
    void every_block_of_the_theme_is_closed_where_it_opened() throws IOException {
        String css = Files.readString(STYLES);
        int depth = 0;
        int line = 1;
        int openedOnLine = 0;
        boolean comment = false;
        Character quote = null;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            char next = i + 1 < css.length() ? css.charAt(i + 1) : 0;
            if (c == '\n') {
                line++;
            }
            if (comment) {
                if (c == '*' && next == '/') {
                    comment = false;
                    i++;
                }
            } else if (quote != null) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = null;
                }
            } else if (c == '/' && next == '*') {
                comment = true;
                i++;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                if (depth == 0) {
                    openedOnLine = line;
                }
                depth++;
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a '}' without its '{' on line %d", line).isNotNegative();
            }
        }
        assertThat(comment).as("a comment that never ends").isFalse();
        assertThat(depth)
                .as("the block opened on line %d of %s is never closed", openedOnLine, STYLES)
                .isZero();
    }

    @Test
    void top_level_rules_start_at_the_top_level() throws IOException {
        // a rule at column 0 inside an open block is the mark of a forgotten '}' above it
        String[] lines =
                Files.readString(STYLES).replaceAll("(?s)/\\*.*?\\*/", "").split("\n", -1);
        int depth = 0;
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            if (depth > 0 && !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && !text.startsWith("}")) {
                throw new AssertionError("line " + (i + 1) + " starts at column 0 inside an open block: " + text);
            }
            depth += text.chars().filter(c -> c == '{').count()
                    - text.chars().filter(c -> c == '}').count();
        }
    }
}
