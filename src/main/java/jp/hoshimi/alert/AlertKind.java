package jp.hoshimi.alert;

/** What an alert is about. */
public enum AlertKind {
    /** A chain finding became MISSING, INSUFFICIENT, EXPIRED or REVOKED. */
    STATUS,
    /** A registration crossed one of the policy's lead times before valid-until (e.g. ★4: 180, 90, 30 days). */
    EXPIRING,
    /** A finding that was failing or expiring is compliant again. */
    RESOLVED,
    /** An accepted risk (例外承認, issue 20) crossed a lead time before its exception ends. */
    EXCEPTION_ENDING,
    /** The register has not been synced within the staleness limit (administrators). */
    REGISTER_STALE,
    /** An import's check or apply finished (the person who ran it). */
    IMPORT_FINISHED,
    /** The daily check found the audit log's hash chain broken (administrators). */
    AUDIT_CHAIN_BROKEN,
    /** A prepared letter to an outside address (a supplier's contact), e.g. a request to a supplier (issue 19). */
    LETTER,
    /** A supplier request needs its owner: answered, overdue (issue 19). */
    REQUEST,
    /** A watched supplier's company changed its official name in the NTA data (issue 21): information. */
    ENTITY_RENAMED,
    /** A watched supplier's company changed its registered address (domestic or abroad) in the NTA data: information. */
    ENTITY_MOVED;

    public String messageKey() {
        return "alert.kind." + name();
    }
}
