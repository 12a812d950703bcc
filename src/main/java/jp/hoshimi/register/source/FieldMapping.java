package jp.hoshimi.register.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.chrono.JapaneseChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a feed names its fields and writes its values, mapped to ours. {@link #defaults()} is the default
 * format of DESIGN.md; other feeds are adapted in configuration.
 *
 * @param corporateNumber field holding the 法人番号 (required)
 * @param name field holding the registered name (required)
 * @param level field holding the level (required)
 * @param registeredOn field holding the registration date; null when the feed has none
 * @param validUntil field holding the last day of validity (required for {@link RegisterKind#STAR}); null
 *     when the feed has none
 * @param status field holding the status (required)
 * @param scope field holding the scope; null when the feed has none
 * @param assessmentBody field holding the assessment body; null when the feed has none
 * @param entriesPath JSON only: where the array of entries is, as field names joined by '.', e.g.
 *     "entries" or "data.items"; empty when the document itself is the array
 * @param levelValues the feed's level values mapped to ours (STAR3 … STAR5, SA1, SA2), e.g. "★3" → "STAR3";
 *     our own names are always understood
 * @param statusValues the feed's status values mapped to ours (ACTIVE, SUSPENDED, REVOKED, EXPIRED), e.g.
 *     "有効" → "ACTIVE"; our own names are always understood
 * @param datePattern a {@link DateTimeFormatter} pattern for the dates, applied strictly (so 2026-02-30 is
 *     rejected); "yyyy" is read as "uuuu", the proleptic year; a pattern with an era (G), such as
 *     {@link #JAPANESE_ERA_DATES}, reads Japanese era dates (令和8年4月1日, 令和元年5月1日)
 * @param encoding the character set of a CSV feed: UTF-8 or windows-31j (Shift_JIS as Windows writes it,
 *     CP932); JSON is always UTF-8 and a spreadsheet carries its own
 */
public record FieldMapping(
        String corporateNumber,
        String name,
        String level,
        String registeredOn,
        String validUntil,
        String status,
        String scope,
        String assessmentBody,
        String entriesPath,
        Map<String, String> levelValues,
        Map<String, String> statusValues,
        String datePattern,
        String encoding) {

    /** ISO dates, 2026-04-01: the default. */
    public static final String ISO_DATES = "uuuu-MM-dd";
    /** Slash dates, 2026/04/01. */
    public static final String SLASH_DATES = "uuuu/MM/dd";
    /** Japanese era dates, 令和8年4月1日 (read with {@link JapaneseChronology}). */
    public static final String JAPANESE_ERA_DATES = "GGGGy年M月d日";
    /** CP932, Shift_JIS as Windows (and Excel) writes it. */
    public static final String WINDOWS_31J = "windows-31j";

    private static final FieldMapping DEFAULTS = new FieldMapping(
            "corporate_number",
            "name",
            "level",
            "registered_on",
            "valid_until",
            "status",
            "scope",
            "assessment_body",
            "entries",
            Map.of(),
            Map.of(),
            ISO_DATES,
            "UTF-8");

    public FieldMapping {
        requireField(corporateNumber, "corporateNumber");
        requireField(name, "name");
        requireField(level, "level");
        requireField(status, "status");
        entriesPath = entriesPath == null ? "" : entriesPath.strip();
        levelValues = normalisedKeys(levelValues);
        statusValues = normalisedKeys(statusValues);
        Objects.requireNonNull(datePattern, "datePattern");
        dateFormatter(datePattern); // fails early on a bad pattern
        encoding = encoding == null || encoding.isBlank() ? "UTF-8" : encoding.strip();
        Charset.forName(encoding); // fails early on an unknown character set
    }

    /** The character set of a CSV feed. */
    public Charset charset() {
        return Charset.forName(encoding);
    }

    /** Whether a CSV feed is read as UTF-8 (the default, and the fast path). */
    boolean utf8() {
        return charset().equals(StandardCharsets.UTF_8);
    }

    /**
     * DESIGN.md's default format: fields corporate_number, name, level, registered_on, valid_until, status,
     * scope, assessment_body; JSON entries under "entries"; ISO dates (yyyy-MM-dd); no value synonyms.
     */
    public static FieldMapping defaults() {
        return DEFAULTS;
    }

    /** A builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /** A builder that starts from this mapping. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes a few things of a mapping; a field set to null is one the feed does not have. */
    public static final class Builder {
        private String corporateNumber;
        private String name;
        private String level;
        private String registeredOn;
        private String validUntil;
        private String status;
        private String scope;
        private String assessmentBody;
        private String entriesPath;
        private Map<String, String> levelValues;
        private Map<String, String> statusValues;
        private String datePattern;
        private String encoding;

        private Builder(FieldMapping from) {
            corporateNumber = from.corporateNumber;
            name = from.name;
            level = from.level;
            registeredOn = from.registeredOn;
            validUntil = from.validUntil;
            status = from.status;
            scope = from.scope;
            assessmentBody = from.assessmentBody;
            entriesPath = from.entriesPath;
            levelValues = from.levelValues;
            statusValues = from.statusValues;
            datePattern = from.datePattern;
            encoding = from.encoding;
        }

        public Builder corporateNumber(String field) {
            corporateNumber = field;
            return this;
        }

        public Builder name(String field) {
            name = field;
            return this;
        }

        public Builder level(String field) {
            level = field;
            return this;
        }

        public Builder registeredOn(String field) {
            registeredOn = field;
            return this;
        }

        public Builder validUntil(String field) {
            validUntil = field;
            return this;
        }

        public Builder status(String field) {
            status = field;
            return this;
        }

        public Builder scope(String field) {
            scope = field;
            return this;
        }

        public Builder assessmentBody(String field) {
            assessmentBody = field;
            return this;
        }

        public Builder entriesPath(String path) {
            entriesPath = path;
            return this;
        }

        public Builder levelValues(Map<String, String> values) {
            levelValues = values;
            return this;
        }

        public Builder statusValues(Map<String, String> values) {
            statusValues = values;
            return this;
        }

        public Builder datePattern(String pattern) {
            datePattern = pattern;
            return this;
        }

        public Builder encoding(String charset) {
            encoding = charset;
            return this;
        }

        public FieldMapping build() {
            return new FieldMapping(
                    corporateNumber,
                    name,
                    level,
                    registeredOn,
                    validUntil,
                    status,
                    scope,
                    assessmentBody,
                    entriesPath,
                    levelValues,
                    statusValues,
                    datePattern,
                    encoding);
        }
    }

    /** Our level name for a feed value, or the value itself (normalised) when no synonym matches. */
    String levelOf(String value) {
        String key = normalise(value);
        return levelValues.getOrDefault(key, key.toUpperCase(Locale.ROOT));
    }

    /** Our status name for a feed value, or the value itself (normalised) when no synonym matches. */
    String statusOf(String value) {
        String key = normalise(value);
        return statusValues.getOrDefault(key, key.toUpperCase(Locale.ROOT));
    }

    /** A date written the way this mapping reads dates (for examples on the mapping screen). */
    public String format(java.time.LocalDate date) {
        return dateFormatter().format(date);
    }

    DateTimeFormatter dateFormatter() {
        return dateFormatter(datePattern);
    }

    private static DateTimeFormatter dateFormatter(String pattern) {
        if (hasEra(pattern)) {
            return DateTimeFormatter.ofPattern(pattern, Locale.JAPAN)
                    .withChronology(JapaneseChronology.INSTANCE)
                    .withResolverStyle(ResolverStyle.STRICT);
        }
        return DateTimeFormatter.ofPattern(proleptic(pattern), Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Whether the pattern names an era (G outside quotes): then its dates are Japanese era dates. */
    boolean eraDates() {
        return hasEra(datePattern);
    }

    private static boolean hasEra(String pattern) {
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == 'G') {
                return true;
            }
        }
        return false;
    }

    /**
     * With {@link ResolverStyle#STRICT}, "yyyy" (year of era) cannot resolve without an era, so every
     * date would fail; everybody who writes "yyyy" means "uuuu". Quoted literals are left alone.
     */
    private static String proleptic(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            out.append(!quoted && c == 'y' ? 'u' : c);
        }
        return out.toString();
    }

    /** Trimmed and NFKC-normalised, so that full-width "ＳＴＡＲ３" and "STAR3 " compare equal. */
    static String normalise(String value) {
        // most feed values are plain ASCII, which NFKC leaves as it is: no need to run it on every value
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
            }
        }
        return value.strip();
    }

    private static Map<String, String> normalisedKeys(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        values.forEach((key, value) -> out.put(normalise(key), normalise(value).toUpperCase(Locale.ROOT)));
        return Map.copyOf(out);
    }

    private static void requireField(String field, String what) {
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("the field for " + what + " must be named");
        }
    }
}
