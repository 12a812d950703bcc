package jp.hoshimi.alert;

import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One of the contracts a supplier event affects, as it was when the alert was made: the level the link to
 * the supplier requires in this contract, and the contract's status before the event (null when it had none
 * or it is not known). The status after the event is the alert's own: every contract of one alert reached it.
 */
public record AlertContract(
        long id, String number, String title, RequiredLevel requiredLevel, ComplianceStatus previousStatus) {

    /** As the producer stores it (the status before is read back from the compliance event). */
    public AlertContract(long id, String number, String title, RequiredLevel requiredLevel) {
        this(id, number, title, requiredLevel, null);
    }

    /** The path in the app that shows it. */
    public String link() {
        return "contracts/" + id;
    }
}
