package jp.hoshimi.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.shared.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not the user name nor containing it, and not one of
 * the 30,000 most common passwords. The list is zxcvbn4j's frequency list (from Xato's corpus of ten
 * million leaked passwords), read from that library's jar (docs/decisions/0024-user-administration-password-policy.md).
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    static final String COMMON_PASSWORDS = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** The problems with this password for this user, under the field {@code field}; empty when it is fine. */
    public List<FieldProblem> check(String username, String password, String field) {
        List<FieldProblem> problems = new ArrayList<>();
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            problems.add(FieldProblem.of(field, "password.tooShort", MINIMUM_LENGTH));
            return problems;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null
                && !username.isBlank()
                && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
            problems.add(FieldProblem.of(field, "password.containsUsername"));
        }
        if (isCommon(password)) {
            problems.add(FieldProblem.of(field, "password.common"));
        }
        return problems;
    }

    public boolean isCommon(String password) {
        return password != null && common.contains(password.strip().toLowerCase(Locale.ROOT));
    }

    int size() {
        return common.size();
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("The common-password list " + COMMON_PASSWORDS + " is missing");
            }
            Set<String> words = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
