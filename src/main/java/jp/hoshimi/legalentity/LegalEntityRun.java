package jp.hoshimi.legalentity;

import java.time.LocalDateTime;
import jp.hoshimi.legalentity.source.NtaEdition;

/** One load of an NTA file: where from, what kind, how it ended, what it changed, why it failed. */
public record LegalEntityRun(
        long id,
        SourceType sourceType,
        String fileName,
        FileKind fileKind,
        NtaEdition edition,
        String startedBy,
        LocalDateTime startedAt,
        LocalDateTime finishedAt,
        Outcome outcome,
        Long rowsRead,
        long added,
        long changed,
        long unchanged,
        long historyRows,
        String errorCode,
        String errorArgs,
        Long bytes,
        Trigger trigger) {

    /** What started a run: an administrator's upload, "sync now" (screen or API), or the schedule. */
    public enum Trigger {
        UPLOAD,
        MANUAL,
        SCHEDULE;

        public String messageKey() {
            return "legalEntity.trigger." + name();
        }
    }

    /** 全件データ (every corporation) or 差分データ (one day's changes). */
    public enum FileKind {
        FULL,
        DIFF;

        public String messageKey() {
            return "legalEntity.fileKind." + name();
        }
    }

    public enum SourceType {
        NONE,
        UPLOAD,
        FILE,
        HTTP,
        WEB_API;

        public String messageKey() {
            return "legalEntity.sourceType." + name();
        }
    }

    public enum Outcome {
        RUNNING,
        SUCCEEDED,
        /** The source had nothing new (unchanged file, 304, no change on the API's days). */
        UNCHANGED,
        FAILED;

        public String messageKey() {
            return "legalEntity.outcome." + name();
        }
    }
}
