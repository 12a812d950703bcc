package jp.hoshimi.compliance;

/**
 * Published after an evaluation committed. The {@code compliance_event} rows with ids in
 * ({@code afterEventId}, {@code lastEventId}] are the status changes it found (none when equal).
 */
public record ComplianceEvaluatedEvent(long afterEventId, long lastEventId, boolean full) {

    public boolean changedAnything() {
        return lastEventId > afterEventId;
    }
}
