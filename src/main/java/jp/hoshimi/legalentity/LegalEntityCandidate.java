package jp.hoshimi.legalentity;

/**
 * A corporation that may be the one a supplier without 法人番号 means, with a score (higher is likelier;
 * at most 100) and how its name matched. A person confirms; nothing is set from a candidate by itself.
 */
public record LegalEntityCandidate(LegalEntity entity, int score, Match match, boolean samePrefecture) {

    /** Best first: the normalised name equal, the reading equal, the name contained. */
    public enum Match {
        EXACT,
        FURIGANA,
        CONTAINED;

        public String messageKey() {
            return "legalEntity.match." + name();
        }
    }
}
