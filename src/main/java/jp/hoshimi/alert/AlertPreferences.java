package jp.hoshimi.alert;

/**
 * One person's choices: whether alerts also come by e-mail, whether those mails come at once or as one
 * daily digest, and in which language ("ja" or "en"). The notification centre always lists them.
 * {@code version} is -1 until first saved.
 */
public record AlertPreferences(boolean emailEnabled, boolean dailyDigest, String language, int version) {

    public static final String JAPANESE = "ja";
    public static final String ENGLISH = "en";

    public static String language(String localeOrLanguage) {
        return localeOrLanguage != null && localeOrLanguage.toLowerCase().startsWith("en") ? ENGLISH : JAPANESE;
    }
}
