package jp.hoshimi.outreach;

import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;

/** What the request is about; each has its own message template (Japanese and English). */
public enum GapType {
    NOT_REGISTERED,
    LEVEL_TOO_LOW,
    EXPIRED,
    EXPIRING,
    SECURITY_ACTION_ONLY;

    /** The gap a finding's status shows; SECURITY ACTION alone where a ★ level is asked is its own case. */
    public static GapType of(ComplianceStatus complianceStatus, StarLevel heldLevel) {
        if (heldLevel != null && heldLevel.isSecurityAction()) {
            return SECURITY_ACTION_ONLY;
        }
        if (complianceStatus == null) {
            return NOT_REGISTERED;
        }
        return switch (complianceStatus) {
            case INSUFFICIENT -> LEVEL_TOO_LOW;
            case EXPIRED, REVOKED -> EXPIRED;
            case EXPIRING -> EXPIRING;
            default -> NOT_REGISTERED;
        };
    }

    public String messageKey() {
        return "request.gap." + name();
    }
}
