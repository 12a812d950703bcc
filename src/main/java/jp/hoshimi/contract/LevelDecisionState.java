package jp.hoshimi.contract;

/** Where a request to require less than the decision chart suggests stands. Only APPROVED lowers the level. */
public enum LevelDecisionState {
    REQUESTED,
    APPROVED,
    REJECTED,
    /** A later save of the contract replaced the request or made it moot (another level or other answers). */
    WITHDRAWN;

    public String messageKey() {
        return "levelDecision.state." + name();
    }
}
