package jp.hoshimi.dataimport.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.dataimport.ImportCounts;
import jp.hoshimi.dataimport.ImportKind;
import jp.hoshimi.dataimport.ImportQueueFullException;
import jp.hoshimi.dataimport.ImportRowResult;
import jp.hoshimi.dataimport.ImportRun;
import jp.hoshimi.dataimport.ImportService;
import jp.hoshimi.dataimport.ImportStatus;
import jp.hoshimi.dataimport.RowOutcome;
import jp.hoshimi.shared.api.ApiError;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.ui.MessageBundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Spreadsheet import for ERP integration: the same checks, preview and all-or-nothing apply as the
 * screen. A refused file answers 4xx with a stable {@code error.code}, never 5xx.
 */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Import suppliers, contracts and sub-contractor links from .xlsx, .xls or .csv")
class ImportApi {

    /** How long one request waits for its import (queue, check and apply). */
    private static final Duration WAIT = Duration.ofMinutes(10);

    /** Rows listed in a response; the rest are paged with GET /{id}/rows. */
    private static final int ROWS_IN_RESPONSE = 1000;

    record Problem(String field, String code, String message) {}

    record Change(String field, String before, String after) {}

    /** {@code record}: who the row is about (name, codes, country; null: unknown), keyed by import field. */
    record Row(
            int row,
            RowOutcome outcome,
            String key,
            Long entityId,
            java.util.Map<String, String> record,
            List<Change> changes,
            List<Problem> problems) {}

    record Error(String code, String message) {}

    record FileInfo(String name, String sha256, long size, String format, String details) {}

    record ImportResult(
            long runId,

            @Schema(allowableValues = {"suppliers", "contracts", "subcontracting"})
            String kind,

            ImportStatus status,
            boolean applied,
            FileInfo file,
            ImportCounts counts,
            Error error,
            LocalDateTime createdAt,
            LocalDateTime appliedAt,
            List<Row> rows,
            boolean rowsTruncated) {}

    private final ImportService imports;
    private final MessageBundle messages;

    ImportApi(ImportService imports, MessageBundle messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import a file; with dryRun=true only the preview",
            description = "Returns the run with counts and per-row outcomes (rows with changes or errors first 1000; "
                    + "page the rest with GET /api/v1/imports/{runId}/rows). 200 when previewed (dry run) or applied; "
                    + "422 when the file is refused, columns are missing or rows have errors (nothing applied); "
                    + "409 when the apply failed and was rolled back; 429 when too many imports wait.")
    ResponseEntity<ImportResult> importFile(
            @Parameter(
                            description = "suppliers, contracts or subcontracting",
                            schema = @Schema(allowableValues = {"suppliers", "contracts", "subcontracting"}))
                    @RequestParam
                    String kind,
            @RequestParam(defaultValue = "true") boolean dryRun,
            @RequestPart("file") MultipartFile file,
            HttpServletRequest request)
            throws IOException {
        ImportKind importKind = kind(kind);
        ImportRun run = imports.runToEnd(importKind, file.getOriginalFilename(), file.getInputStream(), dryRun, WAIT);
        ImportResult result = result(run, request.getLocale());
        HttpStatus status = switch (run.status()) {
            case APPLIED -> HttpStatus.OK;
            case PREVIEWED -> dryRun || run.counts().total() == 0 ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY;
            case REJECTED, NEEDS_MAPPING -> HttpStatus.UNPROCESSABLE_ENTITY;
            case FAILED -> HttpStatus.CONFLICT;
            default -> HttpStatus.ACCEPTED; // still running after the wait: poll GET /{runId}
        };
        return ResponseEntity.status(status).body(result);
    }

    private static ImportKind kind(String slug) {
        try {
            return ImportKind.fromSlug(slug);
        } catch (IllegalArgumentException e) {
            String allowed = java.util.Arrays.stream(ImportKind.values())
                    .map(ImportKind::slug)
                    .collect(java.util.stream.Collectors.joining(", "));
            throw new jp.hoshimi.shared.api.ApiBadRequestException("kind", "api.param.oneOf", slug, allowed);
        }
    }

    @GetMapping("/{runId}")
    @Operation(summary = "An import run with its counts and first rows")
    ImportResult get(@PathVariable long runId, HttpServletRequest request) {
        return result(imports.run(runId), request.getLocale());
    }

    @GetMapping("/{runId}/rows")
    @Operation(summary = "The rows of an import run, optionally of one outcome (NEW, CHANGED, UNCHANGED, ERROR)")
    ResponseEntity<List<Row>> rows(
            @PathVariable long runId,
            @RequestParam(required = false) RowOutcome outcome,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = "Rows per page, 1 to 1000 (default 1000 here); follow the Link rel=next header")
                    @RequestParam(defaultValue = "1000")
                    int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        List<Row> rows = imports.rows(runId, outcome, page.offset(), page.limit()).stream()
                .map(row -> row(row, request.getLocale()))
                .toList();
        return page.answer(request, rows, null);
    }

    @ExceptionHandler(ImportQueueFullException.class)
    ResponseEntity<ApiError> busy(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", "60")
                .body(ApiError.of(
                        "import.queue.full", messages.getTranslation("import.queue.full", request.getLocale())));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(ApiError.of(
                        "import.rejected.too-large",
                        messages.getTranslation(
                                "import.rejected.too-large",
                                request.getLocale(),
                                imports.maxFileBytes() / (1024 * 1024))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> noFile(HttpServletRequest request) {
        String message = messages.getTranslation(
                "api.param.missing",
                request.getLocale(),
                "file",
                messages.getTranslation("api.expected.file", request.getLocale()));
        return ResponseEntity.badRequest()
                .body(new ApiError(
                        "BAD_REQUEST", message, List.of(new ApiError.Problem("file", "api.param.missing", message))));
    }

    private ImportResult result(ImportRun run, Locale locale) {
        List<Row> rows = run.counts().total() == 0
                ? List.of()
                : imports.rows(run.id(), null, 0, ROWS_IN_RESPONSE).stream()
                        .map(row -> row(row, locale))
                        .toList();
        Error error = run.errorCode() == null
                ? null
                : new Error(
                        run.errorCode(),
                        messages.getTranslation(
                                run.errorCode(), locale, run.errorArgs().toArray()));
        if (error == null
                && run.status() == ImportStatus.PREVIEWED
                && run.counts().error() > 0) {
            error = new Error(
                    "import.rowErrors",
                    messages.getTranslation(
                            "import.state.previewErrors", locale, run.counts().error()));
        }
        return new ImportResult(
                run.id(),
                run.kind().slug(),
                run.status(),
                run.status() == ImportStatus.APPLIED,
                new FileInfo(run.fileName(), run.fileSha256(), run.fileSize(), run.fileFormat(), run.fileDetails()),
                run.counts(),
                error,
                run.createdAt(),
                run.appliedAt(),
                rows,
                run.counts().total() > rows.size());
    }

    private Row row(ImportRowResult row, Locale locale) {
        return new Row(
                row.rowNumber(),
                row.outcome(),
                row.entityKey(),
                row.entityId(),
                keyFields(row),
                row.changes().stream()
                        .map(c -> new Change(c.field(), c.before(), c.after()))
                        .toList(),
                row.problems().stream()
                        .map(p -> new Problem(
                                p.field(),
                                p.messageKey(),
                                messages.getTranslation(
                                        p.messageKey(), locale, p.arguments().toArray())))
                        .toList());
    }

    private static java.util.Map<String, String> keyFields(ImportRowResult row) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        row.keyFields().forEach(f -> fields.put(f.field(), f.value()));
        return fields;
    }
}
