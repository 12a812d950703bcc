package jp.hoshimi.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Normalises company names for matching and search (DOMAIN.md): NFKC, legal forms such as 株式会社 /
 * (株) dropped wherever they stand (前株 and 後株 alike), hyphens and long vowel marks unified, spaces
 * and ・ dropped, Latin letters lower-cased. "ｱｼｽﾄ", "(株)アシスト" and "株式会社 アシスト" all become
 * "アシスト". Only for finding candidates: two companies can share a name, the 法人番号 decides.
 */
public final class CompanyNames {

    private static final Pattern LEGAL_FORMS =
            Pattern.compile("株式会社|有限会社|合同会社|合名会社|合資会社|一般社団法人|一般財団法人|\\((?:株|有|同|名|資|社|財)\\)"
                    + "|\\b(?:co\\.?,?\\s*ltd\\.?|inc\\.?|corp\\.?|corporation|k\\.k\\.|ltd\\.?|llc)(?=\\s|$|,)");
    private static final Pattern DASHES = Pattern.compile("[\\-‐‑‒–—―−ｰー－]");
    private static final Pattern DROPPED = Pattern.compile("[\\s・･.,、。]");
    private static final Pattern HALF_WIDTH_KANA = Pattern.compile("[\\uFF61-\\uFF9F]+");

    private CompanyNames() {}

    /**
     * The key a list sorts by: the kana reading when known, in katakana, so that lists follow 50音順
     * (kanji code points carry no useful order); otherwise the normalised name.
     */
    public static String sortKey(String name, String kana) {
        if (kana != null && !kana.isBlank()) {
            String reading = Normalizer.normalize(kana, Normalizer.Form.NFKC).replaceAll("\\s", "");
            StringBuilder katakana = new StringBuilder(reading.length());
            reading.codePoints()
                    .map(c -> c >= 'ぁ' && c <= 'ゖ' ? c + ('ァ' - 'ぁ') : c)
                    .forEach(katakana::appendCodePoint);
            return katakana.toString();
        }
        return normalize(name);
    }

    /**
     * The text with its half-width katakana (ｶﾀｶﾅ, ｶﾞ, ｰ, ｡) made full-width (カタカナ, ガ, ー, 。) by NFKC, as
     * search does, and nothing else changed: ㈱, ①, full-width letters and spaces stay as written.
     */
    public static String widenHalfWidthKana(String text) {
        if (text == null) {
            return null;
        }
        return HALF_WIDTH_KANA
                .matcher(text)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                        Normalizer.normalize(m.group(), Normalizer.Form.NFKC)));
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = LEGAL_FORMS.matcher(s).replaceAll(" ");
        s = DASHES.matcher(s).replaceAll("ー");
        s = DROPPED.matcher(s).replaceAll("");
        return s;
    }
}
