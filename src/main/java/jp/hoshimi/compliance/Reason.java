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
    VALID_NO_EXPIRY;

    /**
     * The sentence's key; its arguments are {0} the held level ("★3"), {1} the required level, {2} valid
     * until (yyyy-MM-dd), {3} the days left and {4} the days left as a number (for the choice of "expires today").
     */
    /** The status this reason gives on its own (an accepted finding keeps its reason: the gap underneath). */
    public ComplianceStatus gapStatus() {
        return switch (this) {
            case NO_CORPORATE_NUMBER -> ComplianceStatus.UNVERIFIABLE;
            case NOT_REGISTERED -> ComplianceStatus.MISSING;
            case SUSPENDED, REVOKED -> ComplianceStatus.REVOKED;
            case EXPIRED -> ComplianceStatus.EXPIRED;
            case SECURITY_ACTION_ONLY, LEVEL_TOO_LOW -> ComplianceStatus.INSUFFICIENT;
            case EXPIRING -> ComplianceStatus.EXPIRING;
            case NOT_REQUIRED, VALID, VALID_NO_EXPIRY -> ComplianceStatus.OK;
        };
    }

    public String messageKey() {
        return "compliance.reason." + name();
    }
}
