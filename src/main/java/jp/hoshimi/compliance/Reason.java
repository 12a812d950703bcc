package jp.hoshimi.compliance;

import jp.hoshimi.shared.ComplianceStatus;

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
    // issue 21, the NTA corporate-number data: {5} the date, {6} the successor's 法人番号, {7} its name
    ENTITY_CLOSED,
    ENTITY_MERGED,
    NUMBER_NOT_FOUND;

    /** The status this reason gives on its own (an accepted finding keeps its reason: the gap underneath). */
    public ComplianceStatus gapStatus() {
        return switch (this) {
            case NO_CORPORATE_NUMBER, NUMBER_NOT_FOUND -> ComplianceStatus.UNVERIFIABLE;
            case ENTITY_CLOSED, ENTITY_MERGED -> ComplianceStatus.MISSING;
            case NOT_REGISTERED -> ComplianceStatus.MISSING;
            case SUSPENDED, REVOKED -> ComplianceStatus.REVOKED;
            case EXPIRED -> ComplianceStatus.EXPIRED;
            case SECURITY_ACTION_ONLY, LEVEL_TOO_LOW -> ComplianceStatus.INSUFFICIENT;
            case EXPIRING -> ComplianceStatus.EXPIRING;
            case NOT_REQUIRED, VALID, VALID_NO_EXPIRY -> ComplianceStatus.OK;
        };
    }

    /**
     * The sentence's key; its arguments are {0} the held level ("★3"), {1} the required level, {2} valid
     * until (yyyy-MM-dd), {3} the days left and {4} the days left as a number (for the choice of "expires today").
     */
    public String messageKey() {
        return "compliance.reason." + name();
    }
}
