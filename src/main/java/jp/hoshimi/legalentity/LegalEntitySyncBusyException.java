package jp.hoshimi.legalentity;

/** "Sync now" was asked for while a fetch of the NTA source runs on this node (the API answers 409). */
public class LegalEntitySyncBusyException extends RuntimeException {

    private final long runningRunId;

    public LegalEntitySyncBusyException(long runningRunId) {
        super("an NTA sync is running: run " + runningRunId);
        this.runningRunId = runningRunId;
    }

    public long runningRunId() {
        return runningRunId;
    }
}
