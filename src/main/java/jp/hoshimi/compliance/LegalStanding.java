package jp.hoshimi.compliance;

import java.time.LocalDate;

/**
 * What the NTA corporate-number data says of a supplier's 法人番号 (issue 21): still there, closed,
 * absorbed by a merger (with the successor), or — once a full file has been loaded — not there at all,
 * which means the number is probably mistyped. None when no NTA data is loaded.
 */
public record LegalStanding(State state, LocalDate closedOn, String successorNumber, String successorName) {

    public enum State {
        ACTIVE,
        CLOSED,
        MERGED,
        NOT_FOUND
    }

    public static final LegalStanding ACTIVE = new LegalStanding(State.ACTIVE, null, null, null);
    public static final LegalStanding NOT_FOUND = new LegalStanding(State.NOT_FOUND, null, null, null);
}
