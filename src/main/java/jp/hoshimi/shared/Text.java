package jp.hoshimi.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A sentence of the message bundles with its arguments, for code that has no reader at hand (a parser, a
 * fetch): a screen shows it in the reader's language, a log or a run record in English. Arguments that are
 * texts or {@link Labelled} values are shown in the same language.
 */
public record Text(String key, Object[] args) {

    /** The bundle key whose pattern is just its one argument, for a sentence that has no key of its own. */
    private static final String AS_IS = "text.asIs";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Text {
        Objects.requireNonNull(key, "key");
        args = args.clone();
    }

    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    /** A sentence that exists in one language only (a library's message, a name). */
    public static Text asIs(String sentence) {
        return new Text(AS_IS, new Object[] {sentence});
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    /** The sentence in this language; English unless the locale is Japanese. */
    public String in(Locale locale) {
        return format(key, locale, args);
    }

    /** The sentence in English, for logs and run records. */
    public String english() {
        return in(Locale.ENGLISH);
    }

    /**
     * The bundle's pattern for {@code key} in Japanese for a Japanese locale and English for every other, with
     * the arguments filled in; {@code !key} when the bundle has no such key. No fallback to the server's
     * default locale.
     */
    public static String format(String key, Locale locale, Object... args) {
        Locale language = supported(locale);
        String pattern;
        try {
            pattern =
                    ResourceBundle.getBundle("messages", language, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language).format(shown(args, language));
    }

    /** Japanese for a Japanese reader, English for everyone else. */
    public static Locale supported(Locale locale) {
        return locale != null && Locale.JAPANESE.getLanguage().equals(locale.getLanguage())
                ? Locale.JAPANESE
                : Locale.ENGLISH;
    }

    private static Object[] shown(Object[] args, Locale language) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Labelled value) {
                shown[i] = format(value.messageKey(), language);
            } else if (shown[i] instanceof Text text) {
                shown[i] = text.in(language);
            }
        }
        return shown;
    }

    /**
     * The text as JSON to keep with a record ({@code {"key": …, "args": [7, "失効", {"key": …}]}}): strings,
     * whole numbers and nested texts; anything else is kept as its string.
     */
    public String toJson() {
        return toNode().toString();
    }

    private ObjectNode toNode() {
        ObjectNode node = JSON.createObjectNode().put("key", key);
        ArrayNode array = node.putArray("args");
        for (Object arg : args) {
            if (arg instanceof Text text) {
                array.add(text.toNode());
            } else if (arg instanceof Integer || arg instanceof Long) {
                array.add(((Number) arg).longValue());
            } else {
                array.add(String.valueOf(arg));
            }
        }
        return node;
    }

    /** The text {@link #toJson()} wrote; null for null. */
    public static Text fromJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            return fromNode(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored text: " + json, e);
        }
    }

    private static Text fromNode(JsonNode node) {
        JsonNode array = node.path("args");
        Object[] args = new Object[array.size()];
        for (int i = 0; i < args.length; i++) {
            JsonNode arg = array.get(i);
            args[i] = arg.isObject() ? fromNode(arg) : arg.isIntegralNumber() ? (Object) arg.asLong() : arg.asText();
        }
        return new Text(node.path("key").asText(), args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && key.equals(text.key) && Arrays.equals(args, text.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return english();
    }
}
