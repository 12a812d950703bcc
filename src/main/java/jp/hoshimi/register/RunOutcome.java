package jp.hoshimi.register;

import java.util.Objects;

/**
 * How a sync run ended, as its row records it: the outcome, what the run counted, and why it did not apply
 * (a message key, and a detail in plain words). Made by the named factories, one for each way a run ends.
 */
public record RunOutcome(SyncRun.Outcome outcome, Counts counts, String errorCode, String errorDetail) {

    public RunOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(counts, "counts");
    }

    /**
     * The feed's entries ({@code total}, null where no feed was read) and what applying it changes.
     */
    public record Counts(Integer total, int added, int changed, int removed, int unchanged) {

        /** Nothing read, nothing counted. */
        public static final Counts NONE = new Counts(null, 0, 0, 0, 0);

        /** What a recorded run counted. */
        static Counts of(SyncRun run) {
            return new Counts(run.entriesTotal(), run.added(), run.changed(), run.removed(), run.unchanged());
        }
    }

    /** It did not run: another node or run held the lease ({@code reason}: a message key). */
    static RunOutcome skipped(String reason) {
        return new RunOutcome(SyncRun.Outcome.SKIPPED, Counts.NONE, reason, null);
    }

    /** It failed before anything was counted; {@code detail} may be null. */
    static RunOutcome failed(String code, String detail) {
        return new RunOutcome(SyncRun.Outcome.FAILED, Counts.NONE, code, detail);
    }

    /** A run waiting for confirmation was refused: the register changed since its differences were counted. */
    static RunOutcome stale(Counts counted) {
        return new RunOutcome(SyncRun.Outcome.FAILED, counted, "register.sync.stale", null);
    }

    /** It removes more entries than the guard allows, and waits for an administrator ({@code why}: the figures). */
    static RunOutcome needsConfirmation(Counts counted, String why) {
        return new RunOutcome(SyncRun.Outcome.NEEDS_CONFIRMATION, counted, "register.sync.tooManyRemovals", why);
    }

    /** Its differences were applied. */
    static RunOutcome applied(Counts counts) {
        return new RunOutcome(SyncRun.Outcome.SUCCEEDED, counts, null, null);
    }

    /** Nothing to apply: all {@code entries} confirmed unchanged ({@code note}: why, a message key, or null). */
    static RunOutcome notModified(int entries, String note) {
        return new RunOutcome(SyncRun.Outcome.NOT_MODIFIED, new Counts(entries, 0, 0, 0, entries), note, null);
    }
}
