package jp.hoshimi.dataimport;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.hoshimi.dataimport.internal.ImportRunRepository;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.read.ImportRejectedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spreadsheet import of suppliers, contracts and sub-contractor links: upload → check (preview) → apply,
 * each run recorded with its per-row outcomes. PROCUREMENT users see and apply their own runs; risk
 * managers, admins and auditors see every run (auditors only look).
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class ImportService {

    /** Audit/entity name of a run, also the prefix of its error codes. */
    public static final String ENTITY = "import_run";

    private final ImportRunRepository runs;
    private final ImportWorker worker;
    private final ImportProperties properties;
    private final ErrorReport errorReport;
    private final SecurityContextHolderStrategy contexts;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final Map<Long, Future<?>> pending = new java.util.concurrent.ConcurrentHashMap<>();

    ImportService(
            ImportRunRepository runs,
            ImportWorker worker,
            ImportProperties properties,
            ErrorReport errorReport,
            SecurityContextHolderStrategy contexts,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.runs = runs;
        this.worker = worker;
        this.properties = properties;
        this.errorReport = errorReport;
        this.contexts = contexts;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Stores the upload, records the run and queues its check. Never throws for a bad file: the run is
     * then REJECTED with the reason. @throws ImportQueueFullException when too many imports are waiting
     */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public long submit(ImportKind kind, String fileName, InputStream content, boolean viaApi) {
        return submitAndCheck(kind, fileName, content, viaApi).runId();
    }

    /**
     * For the REST API: submits, waits for the check and, unless {@code dryRun}, applies the file when it
     * has no errors and waits for that too. Returns the run as it ended up.
     */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public ImportRun runToEnd(ImportKind kind, String fileName, InputStream content, boolean dryRun, Duration wait) {
        Submitted submitted = submitAndCheck(kind, fileName, content, true);
        await(submitted.check(), wait);
        ImportRun run = run(submitted.runId());
        if (!dryRun && run.canApply()) {
            await(startApply(run), wait);
            run = run(submitted.runId());
        }
        return run;
    }

    /** Chooses the columns by hand (and optionally saves the choice for files with this header row) and checks again. */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void remap(long runId, Map<ImportField, Integer> columns, String saveAs) {
        ImportRun run = ownRun(runId);
        if (run.status() != ImportStatus.NEEDS_MAPPING && run.status() != ImportStatus.PREVIEWED) {
            throw new IllegalStateException("run " + runId + " is " + run.status());
        }
        ColumnMapping mapping = run.mapping().withColumns(columns);
        // all or nothing: a run left with the new columns but not queued, or a mapping saved for a failed
        // choice, would confuse the next look; the check is queued once they are committed
        transaction.executeWithoutResult(status -> {
            if (saveAs != null && !saveAs.isBlank()) {
                runs.saveMapping(run.kind(), saveAs.strip(), mapping, actor(), LocalDateTime.now(clock));
            }
            runs.recordMapping(runId, mapping);
            runs.setStatus(runId, ImportStatus.QUEUED);
        });
        queue(() -> worker.check(runId, run.kind(), mapping, false), runId);
    }

    /** Applies a previewed run without errors, in one transaction. @return false when it was not (or no longer) appliable */
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public boolean apply(long runId) {
        ImportRun run = ownRun(runId);
        if (!run.canApply()) {
            return false;
        }
        return startApply(run) != null;
    }

    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
    public void discard(long runId) {
        ImportRun run = ownRun(runId);
        if (run.status() == ImportStatus.PREVIEWED || run.status() == ImportStatus.NEEDS_MAPPING) {
            runs.setStatus(runId, ImportStatus.DISCARDED);
            worker.deleteFiles(runId);
        }
    }

    @Transactional(readOnly = true)
    public ImportRun run(long runId) {
        return runs.find(runId).filter(this::visible).orElseThrow(() -> new NotFoundException(ENTITY, runId));
    }

    public Optional<ImportProgress> progress(long runId) {
        run(runId);
        return worker.progress(runId);
    }

    @Transactional(readOnly = true)
    public List<ImportRun> runs(int offset, int limit) {
        return runs.list(onlyOwnRuns() ? actor() : null, Math.max(0, offset), Math.min(Math.max(0, limit), 1000));
    }

    @Transactional(readOnly = true)
    public int countRuns() {
        return runs.count(onlyOwnRuns() ? actor() : null);
    }

    @Transactional(readOnly = true)
    public List<ImportRowResult> rows(long runId, RowOutcome outcome, int offset, int limit) {
        run(runId);
        return runs.rows(runId, outcome, Math.max(0, offset), Math.min(Math.max(0, limit), 1000));
    }

    @Transactional(readOnly = true)
    public int countRows(long runId, RowOutcome outcome) {
        run(runId);
        return runs.countRows(runId, outcome);
    }

    /** The rows in error as an .xlsx (row, key, column, problem), streamed, in the given language. */
    @Transactional(readOnly = true)
    public void writeErrorReport(long runId, Locale locale, OutputStream out) {
        ImportRun run = run(runId);
        errorReport.write(run, (offset, limit) -> runs.rows(runId, RowOutcome.ERROR, offset, limit), locale, out);
    }

    /** The name of the saved mapping that this run's header row matches, if any. */
    @Transactional(readOnly = true)
    public Optional<String> savedMappingName(long runId) {
        ImportRun run = run(runId);
        return run.mapping() == null
                ? Optional.empty()
                : runs.savedMappingName(run.kind(), run.mapping().signature());
    }

    public long maxFileBytes() {
        return properties.maxFileSize().toBytes();
    }

    /** Waits (at most {@code wait}) until the run's queued step has finished, and returns the run. */
    public ImportRun await(long runId, Duration wait) {
        run(runId);
        await(pending.get(runId), wait);
        pending.remove(runId);
        return run(runId);
    }

    private record Submitted(long runId, Future<?> check) {}

    private Submitted submitAndCheck(ImportKind kind, String fileName, InputStream content, boolean viaApi) {
        if (kind == ImportKind.USERS && !hasRole(Role.ADMIN)) {
            throw new org.springframework.security.access.AccessDeniedException("Only administrators import users");
        }
        String name = fileName == null || fileName.isBlank()
                ? "upload"
                : Path.of(fileName).getFileName().toString();
        worker.deleteExpiredFiles();
        Path temporary = store(content);
        try {
            long size = Files.size(temporary);
            String sha256 = sha256(temporary);
            long runId = runs.insert(
                    kind, name, sha256, size, actor(), viaApi, worker.workerName(), LocalDateTime.now(clock));
            if (size > properties.maxFileSize().toBytes()) {
                Files.deleteIfExists(temporary);
                ImportRejectedException tooLarge = new ImportRejectedException(
                        ImportRejectedException.Reason.TOO_LARGE,
                        properties.maxFileSize().toMegabytes());
                runs.fail(runId, ImportStatus.REJECTED, tooLarge.code(), tooLarge.args());
                return new Submitted(runId, null);
            }
            Files.move(temporary, worker.uploadFile(runId), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Future<?> check = queue(() -> worker.check(runId, kind, null, true), runId);
            return new Submitted(runId, check);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Future<?> startApply(ImportRun run) {
        if (!runs.transition(run.id(), ImportStatus.PREVIEWED, ImportStatus.APPLYING)) {
            return null; // someone else applied or changed it meanwhile
        }
        return queue(() -> worker.apply(run.id(), run.kind(), run.mapping()), run.id());
    }

    private Future<?> queue(java.util.function.Supplier<Future<?>> job, long runId) {
        try {
            Future<?> future = job.get();
            pending.put(runId, future);
            pending.entrySet().removeIf(e -> e.getValue().isDone() && e.getKey() != runId);
            return future;
        } catch (RejectedExecutionException e) {
            runs.fail(runId, ImportStatus.REJECTED, "import.queue.full", List.of());
            worker.deleteFiles(runId);
            throw new ImportQueueFullException();
        }
    }

    /** Copies the upload to the work directory; stops reading one byte past the limit (the file is then refused). */
    private Path store(InputStream content) {
        try {
            Files.createDirectories(properties.workDir());
            Path temporary = Files.createTempFile(properties.workDir(), "upload-", ".part");
            long limit = properties.maxFileSize().toBytes() + 1;
            try (InputStream in = content;
                    OutputStream out = Files.newOutputStream(temporary)) {
                byte[] buffer = new byte[65536];
                long copied = 0;
                for (int n;
                        copied < limit
                                && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied))) > 0; ) {
                    out.write(buffer, 0, n);
                    copied += n;
                }
            }
            return temporary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(Future<?> future, Duration wait) {
        if (future == null) {
            return;
        }
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the run records its own outcome; the caller reads it
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportRun ownRun(long runId) {
        ImportRun run = run(runId);
        if (!run.startedBy().equals(actor()) && !hasRole(Role.ADMIN)) {
            throw new NotFoundException(ENTITY, runId);
        }
        return run;
    }

    private boolean visible(ImportRun run) {
        return !onlyOwnRuns() || run.startedBy().equals(actor());
    }

    private boolean onlyOwnRuns() {
        return !hasRole(Role.RISK_MANAGER) && !hasRole(Role.ADMIN) && !hasRole(Role.AUDITOR);
    }

    private boolean hasRole(Role role) {
        Authentication authentication = contexts.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    private String actor() {
        Authentication authentication = contexts.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
