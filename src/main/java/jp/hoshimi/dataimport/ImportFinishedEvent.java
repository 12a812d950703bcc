package jp.hoshimi.dataimport;

/**
 * Published when a run's check or apply has finished (PREVIEWED, APPLIED or FAILED), after its status was
 * written: the alerts tell the person who ran it.
 */
public record ImportFinishedEvent(
        long runId, ImportKind kind, ImportStatus status, String fileName, String startedBy, ImportCounts counts) {}
