package jp.hoshimi.register;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDateTime;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.Text;

/**
 * One sync: where from, who or what started it, how it ended, what it changed, and why it failed.
 * {@code initialLoad}: the kind's very first load, recorded as one event ("initial load: N entries", N =
 * {@code added}) instead of a NEW change per entry.
 */
public record SyncRun(
        long id,
        RegisterKind kind,
        String sourceId,
        Trigger trigger,
        String startedBy,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        Outcome outcome,
        Integer entriesTotal,
        int added,
        int changed,
        int removed,
        int unchanged,
        String errorCode,
        String errorDetail,
        String etag,
        String lastModified,
        String contentSha256,
        Long bytes,
        int attempts,
        /*
         * When the compliance re-evaluation that follows this run completed (null while it runs, and for runs that
         * changed nothing to evaluate: failed, skipped, interrupted). Results read after it reflect this run.
         */
        LocalDateTime evaluatedAt,
        /* The register kind's very first load: one initial-load event instead of a change row per entry. */
        boolean initialLoad,
        /* Why it failed, in words a screen shows in its reader's language; null where only errorDetail is known. */
        @JsonIgnore @Schema(hidden = true) Text errorText) {

    /** Why it failed, for a screen: the stored text, else the English detail as it is; null when nothing is known. */
    public Text problem() {
        return errorText != null ? errorText : errorDetail == null ? null : Text.asIs(errorDetail);
    }

    public enum Trigger {
        SCHEDULE,
        MANUAL,
        API,
        UPLOAD
    }

    public enum Outcome {
        RUNNING,
        /** Applied: the register changed. */
        SUCCEEDED,
        /** 304, or the very same body as last time: nothing to apply, the register is current. */
        NOT_MODIFIED,
        /** More removals than the guard allows: waits for an administrator to confirm. */
        NEEDS_CONFIRMATION,
        FAILED,
        /** Another node (or run) held the sync lease. */
        SKIPPED,
        /** The node running it stopped (crash, kill) before it ended; nothing of it was applied. */
        INTERRUPTED;

        public boolean isSuccess() {
            return this == SUCCEEDED || this == NOT_MODIFIED;
        }

        public String messageKey() {
            return "register.outcome." + name();
        }
    }
}
