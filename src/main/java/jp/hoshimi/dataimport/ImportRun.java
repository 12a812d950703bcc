package jp.hoshimi.dataimport;

import java.time.LocalDateTime;
import java.util.List;

/** One import: the file, how it was read and mapped, who ran it, and what its rows do. */
public record ImportRun(
        long id,
        ImportKind kind,
        ImportStatus status,
        String fileName,
        String fileSha256,
        long fileSize,
        String fileFormat,
        String fileDetails,
        ColumnMapping mapping,
        String startedBy,
        boolean viaApi,
        LocalDateTime createdAt,
        LocalDateTime previewedAt,
        LocalDateTime appliedAt,
        ImportCounts counts,
        String errorCode,
        List<Object> errorArgs,
        int version) {

    public boolean canApply() {
        return status == ImportStatus.PREVIEWED && counts.error() == 0 && counts.total() > 0;
    }
}
