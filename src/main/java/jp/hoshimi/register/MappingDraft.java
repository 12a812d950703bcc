package jp.hoshimi.register;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;

/**
 * A field mapping as an administrator types it on the mapping screen: field names, the value vocabularies as
 * lines "feed value=OURS", the date pattern and the encoding. {@link #toMapping} checks it.
 *
 * @param version the stored mapping's version it was read at (stale-save check)
 */
public record MappingDraft(
        String corporateNumber,
        String name,
        String level,
        String registeredOn,
        String validUntil,
        String status,
        String scope,
        String assessmentBody,
        String entriesPath,
        String levelValues,
        String statusValues,
        String datePattern,
        String encoding,
        int version) {

    /** The encodings a CSV feed may be in. */
    public static final List<String> ENCODINGS = List.of("UTF-8", FieldMapping.WINDOWS_31J);

    /** The date forms offered; any other {@code DateTimeFormatter} pattern may be typed. */
    public static final List<String> DATE_PATTERNS =
            List.of(FieldMapping.ISO_DATES, FieldMapping.SLASH_DATES, FieldMapping.JAPANESE_ERA_DATES);

    /** Header names a Japanese register is likely to use, by our field (suggestions, any name may be typed). */
    public static final Map<String, List<String>> SUGGESTED_FIELD_NAMES = suggestions();

    /** The level vocabulary of a kind as announced: ★ marks, and Basic/Standard/Advanced for the star register. */
    public static String suggestedLevelValues(RegisterKind kind) {
        return kind == RegisterKind.STAR
                ? "★3=STAR3\nBasic=STAR3\n★4=STAR4\nStandard=STAR4\n★5=STAR5\nAdvanced=STAR5\n"
                : "★1=SA1\n一つ星=SA1\n★2=SA2\n二つ星=SA2\n";
    }

    /** The status vocabulary in Japanese. */
    public static final String SUGGESTED_STATUS_VALUES = "有効=ACTIVE\n一時停止=SUSPENDED\n取消=REVOKED\n失効=EXPIRED\n";

    private static Map<String, List<String>> suggestions() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put("corporateNumber", List.of("法人番号", "corporate_number"));
        names.put("name", List.of("事業者名", "法人名", "名称", "商号", "name"));
        names.put("level", List.of("段階", "レベル", "星", "評価段階", "level"));
        names.put("registeredOn", List.of("登録日", "登録年月日", "registered_on"));
        names.put("validUntil", List.of("有効期限", "有効期間満了日", "有効期限日", "valid_until"));
        names.put("status", List.of("状態", "ステータス", "登録状況", "status"));
        names.put("scope", List.of("対象範囲", "適用範囲", "scope"));
        names.put("assessmentBody", List.of("評価機関", "審査機関", "assessment_body"));
        return Map.copyOf(names);
    }

    /** The draft showing a stored mapping. */
    public static MappingDraft of(RegisterMapping stored) {
        FieldMapping m = stored.mapping();
        return new MappingDraft(
                m.corporateNumber(),
                m.name(),
                m.level(),
                m.registeredOn(),
                m.validUntil(),
                m.status(),
                m.scope(),
                m.assessmentBody(),
                m.entriesPath(),
                RegisterMapping.lines(m.levelValues()),
                RegisterMapping.lines(m.statusValues()),
                m.datePattern(),
                m.encoding(),
                stored.version());
    }

    /**
     * The mapping this draft describes for a kind.
     *
     * @throws ValidationException naming each field that is wrong: a required field without a name, a
     *     vocabulary line that is not "value=OURS" or names a level of another register, a date pattern Java
     *     cannot read, an encoding other than UTF-8 or windows-31j
     */
    public FieldMapping toMapping(RegisterKind kind) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "corporateNumber", corporateNumber);
        required(problems, "name", name);
        required(problems, "level", level);
        required(problems, "status", status);
        if (kind == RegisterKind.STAR) {
            required(problems, "validUntil", validUntil);
        }
        Set<String> levels = kind.levels().stream().map(StarLevel::name).collect(java.util.stream.Collectors.toSet());
        Map<String, String> levelMap = vocabulary(problems, "levelValues", levelValues, levels);
        Map<String, String> statusMap = vocabulary(problems, "statusValues", statusValues, FeedEntry.STATUSES);
        String pattern = blankToNull(datePattern) == null ? FieldMapping.ISO_DATES : datePattern.strip();
        try {
            FieldMapping.builder().datePattern(pattern).build();
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of("datePattern", "registerMapping.datePattern.invalid", pattern));
        }
        String charset = encodingOf(encoding);
        if (charset == null) {
            problems.add(FieldProblem.of("encoding", "registerMapping.encoding.invalid", encoding));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new FieldMapping(
                corporateNumber.strip(),
                name.strip(),
                level.strip(),
                blankToNull(registeredOn),
                blankToNull(validUntil),
                status.strip(),
                blankToNull(scope),
                blankToNull(assessmentBody),
                entriesPath == null ? "" : entriesPath.strip(),
                levelMap,
                statusMap,
                pattern,
                charset);
    }

    /** UTF-8, or windows-31j for any name of Shift_JIS (CP932 is what Windows writes); null for anything else. */
    private static String encodingOf(String typed) {
        if (blankToNull(typed) == null) {
            return "UTF-8";
        }
        try {
            Charset charset = Charset.forName(typed.strip());
            if (charset.equals(java.nio.charset.StandardCharsets.UTF_8)) {
                return "UTF-8";
            }
            return charset.name().equals("Shift_JIS") || charset.name().equals("windows-31j")
                    ? FieldMapping.WINDOWS_31J
                    : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value) {
        if (blankToNull(value) == null) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }

    private static Map<String, String> vocabulary(
            List<FieldProblem> problems, String field, String lines, Set<String> ours) {
        Map<String, String> values;
        try {
            values = RegisterMapping.vocabulary(lines);
        } catch (IllegalArgumentException e) {
            problems.add(FieldProblem.of(field, "registerMapping.values.invalid", e.getMessage()));
            return Map.of();
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String value = entry.getValue().toUpperCase(java.util.Locale.ROOT);
            if (!ours.contains(value)) {
                problems.add(FieldProblem.of(
                        field,
                        "registerMapping.values.unknown",
                        entry.getKey(),
                        entry.getValue(),
                        String.join(", ", new java.util.TreeSet<>(ours))));
                return Map.of();
            }
        }
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
