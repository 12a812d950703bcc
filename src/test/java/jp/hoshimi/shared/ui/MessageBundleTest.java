package jp.hoshimi.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.hoshimi.shared.InvalidCorporateNumberException;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.Test;

class MessageBundleTest {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void japanese_and_english_have_exactly_the_same_keys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> japanese = new TreeSet<>(load("messages_ja.properties").stringPropertyNames());

        assertThat(japanese).as("keys missing in messages_ja.properties").containsAll(english);
        assertThat(english).as("keys missing in messages.properties").containsAll(japanese);
    }

    @Test
    void every_key_used_in_the_code_exists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Pattern literalKey = Pattern.compile("(?:getTranslation\\(|title = |new ComingSoon\\()\"([a-zA-Z0-9_.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(source));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        for (Role role : Role.values()) {
            used.add(role.messageKey());
        }
        for (StarLevel level : StarLevel.values()) {
            used.add(level.messageKey());
        }
        for (InvalidCorporateNumberException.Reason reason : InvalidCorporateNumberException.Reason.values()) {
            used.add(reason.messageKey());
        }
        assertThat(used).isNotEmpty();
        // a literal ending in "." is the prefix of keys completed at run time: some key must start with it
        for (String prefix : used.stream().filter(key -> key.endsWith(".")).toList()) {
            assertThat(known).as("keys starting with " + prefix).anyMatch(key -> key.startsWith(prefix));
        }
        used.removeIf(key -> key.endsWith("."));
        assertThat(known).containsAll(used);
    }

    @Test
    void japanese_browsers_get_japanese_and_everyone_else_english() {
        MessageBundle bundle = new MessageBundle();
        assertThat(bundle.getTranslation("nav.suppliers", Locale.JAPAN)).isEqualTo("取引先");
        assertThat(bundle.getTranslation("nav.suppliers", Locale.US)).isEqualTo("Suppliers");
        assertThat(bundle.getTranslation("nav.suppliers", Locale.GERMANY)).isEqualTo("Suppliers");
        assertThat(bundle.getTranslation("supplier.list.count", Locale.JAPANESE, 1234))
                .isEqualTo("1,234 件");
        assertThat(bundle.getTranslation("no.such.key", Locale.JAPANESE)).isEqualTo("!no.such.key");
    }
}
