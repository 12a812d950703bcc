package jp.hoshimi.audit;

/**
 * What a check of the audit log's hash chain found: intact, or the first event where it breaks and how.
 *
 * @param eventsChecked how many events were read
 * @param firstBrokenEventId the event where the chain first breaks (null when intact); for {@link
 *     Break#EVENTS_MISSING_AT_END} the last event still there
 */
public record AuditChainCheck(long eventsChecked, Long firstBrokenEventId, Break problem) {

    /** How the chain broke. */
    public enum Break {
        /** The event's content (or its stored hash) no longer matches its hash: it was edited. */
        EVENT_CHANGED,
        /** The event does not follow the one before it: events in between were deleted or replaced. */
        EVENT_MISSING_BEFORE,
        /** The newest events were deleted: the log ends before the chain's recorded head. */
        EVENTS_MISSING_AT_END;

        public String messageKey() {
            return "audit.chain.break." + name();
        }
    }

    public static AuditChainCheck intact(long eventsChecked) {
        return new AuditChainCheck(eventsChecked, null, null);
    }

    public boolean isIntact() {
        return problem == null;
    }
}
