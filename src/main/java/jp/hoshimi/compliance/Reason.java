package jp.hoshimi.compliance;

/** Why a finding has its status; each has a sentence in Japanese and English ({@link #messageKey()}). */
public enum Reason {
    NOT_REQUIRED,
    NO_CORPORATE_NUMBER,
    NOT_REGISTERED,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    SECURITY_ACTION_ONLY,
    LEVEL_TOO_LOW,
    EXPIRING,
    VALID,
    VALID_NO_EXPIRY,
    // issue 21, the NTA corporate-number data: {4} the date, {5} the successor's 法人番号, {6} its name
    ENTITY_CLOSED,
    ENTITY_MERGED,
    NUMBER_NOT_FOUND;

    /**
     * The sentence's key; its arguments are {0} the held level ("★3"), {1} the required level, {2} valid
     * until (yyyy-MM-dd) and {3} the days left.
     */
    public String messageKey() {
        return "compliance.reason." + name();
    }
}
