package jp.hoshimi.dataimport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.dataimport.internal.ImportRunRepository;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.UserAdminService;
import jp.hoshimi.shared.read.ImportRejectedException;
import jp.hoshimi.shared.read.ReadResult;
import jp.hoshimi.shared.read.SpreadsheetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports one after another (by default) on a worker thread, as the user who asked, so that the
 * services check roles and data scope as for any screen. A check reads the file into a spool; suppliers,
 * contracts and sub-contractor links are then staged and classified with plain reads and applied in one
 * bulk transaction ({@link Staging}, decisions 0023, 0031 and 0035); users run every row through their
 * service in a transaction that is always rolled back for a check, and commits for an apply only when no
 * row failed.
 * Row outcomes are written as they come, in their own small transactions, so a preview of 100,000 rows
 * never sits in memory.
 */
@Component
class ImportWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportWorker.class);
    private static final int ROW_BATCH = 1000;

    private final ImportRunRepository runs;
    private final ImportProperties properties;
    private final ImportEngine engine;
    private final Map<ImportKind, Staging> staging = new java.util.EnumMap<>(ImportKind.class);
    private final OrgUnitService orgUnits;
    private final UserAdminService userAdmin;
    private final TransactionTemplate work;
    private final TransactionTemplate rowWrites;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;
    private final ApplicationEventPublisher events;
    private final ThreadPoolExecutor executor;
    private final String workerName;
    private final Map<Long, ImportProgress> progress = new ConcurrentHashMap<>();
    /**
     * The master stamp each staged check classified against, by run (decision 0045). Held by the node that holds
     * the run's files (an apply runs there); lost with a restart, and the apply then classifies again.
     */
    private final Map<Long, String> checkedAgainst = new ConcurrentHashMap<>();

    private final List<Long> waiting = new CopyOnWriteArrayList<>();

    ImportWorker(
            ImportRunRepository runs,
            ImportProperties properties,
            List<Staging> stagings,
            OrgUnitService orgUnits,
            UserAdminService userAdmin,
            PlatformTransactionManager transactions,
            SecurityContextHolderStrategy contexts,
            ApplicationEventPublisher events,
            Clock clock) {
        this.contexts = contexts;
        this.events = events;
        this.runs = runs;
        this.properties = properties;
        SpreadsheetReader.applyPoiProtections(properties.readLimits());
        this.engine = new ImportEngine(new SpreadsheetReader(properties.readLimits()));
        stagings.forEach(kindStaging -> staging.put(kindStaging.kind(), kindStaging));
        this.orgUnits = orgUnits;
        this.userAdmin = userAdmin;
        this.work = new TransactionTemplate(transactions);
        this.rowWrites = new TransactionTemplate(transactions);
        this.rowWrites.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.executor = new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "hoshimi-import");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1);
                    return thread;
                });
        // one name per process: two nodes on one host must not take each other's runs for their own
        this.workerName =
                hostName() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Imports are tied to the node that holds their files; a node that stops ends its unfinished ones (its
     * runs stop beating: {@link ImportRunHeartbeat}).
     */
    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "local";
        }
    }

    String workerName() {
        return workerName;
    }

    /** Runs left active by a crash of an earlier process of this node cannot finish: nothing of them was committed. */
    @EventListener(ApplicationReadyEvent.class)
    void cleanUpAfterCrash() {
        int interrupted = runs.failInterrupted(workerName, "import.failed.interrupted");
        if (interrupted > 0) {
            log.warn(
                    "{} import run(s) were interrupted by a stop of this node; nothing of them was applied",
                    interrupted);
        }
        deleteExpiredFiles();
    }

    /** Uploads nobody applied or discarded within {@code keep-files} are deleted (checked at start and on each upload). */
    void deleteExpiredFiles() {
        try (var files = Files.list(properties.workDir())) {
            LocalDateTime cutoff = LocalDateTime.now(clock).minus(properties.keepFiles());
            files.filter(f -> isOlderThan(f, cutoff)).forEach(ImportWorker::deleteQuietly);
        } catch (IOException e) {
            // no work directory yet
        }
    }

    Path uploadFile(long runId) {
        return properties.workDir().resolve("run-" + runId + ".upload");
    }

    Path spoolFile(long runId) {
        return properties.workDir().resolve("run-" + runId + ".rows");
    }

    Optional<ImportProgress> progress(long runId) {
        ImportProgress current = progress.get(runId);
        if (current != null && current.phase() == ImportProgress.Phase.WAITING) {
            return Optional.of(new ImportProgress(current.phase(), 0, 0, waiting.indexOf(runId) + 1));
        }
        return Optional.ofNullable(current);
    }

    /** Queues a check with the given mapping (null: find it). @throws RejectedExecutionException when the line is full */
    Future<?> check(long runId, ImportKind kind, ColumnMapping chosen, boolean readFile) {
        return enqueue(runId, () -> doCheck(runId, kind, chosen, readFile));
    }

    Future<?> apply(long runId, ImportKind kind, ColumnMapping mapping) {
        return enqueue(runId, () -> doApply(runId, kind, mapping, runs.spoolRows(runId)));
    }

    private Future<?> enqueue(long runId, Runnable job) {
        progress.put(runId, new ImportProgress(ImportProgress.Phase.WAITING, 0, 0, 0));
        waiting.add(runId);
        try {
            // the job acts as the user who asked: their roles and data scope apply in the services
            SecurityContext asker = contexts.getContext();
            return executor.submit(() -> {
                waiting.remove(runId);
                contexts.setContext(asker);
                try {
                    job.run();
                } finally {
                    contexts.clearContext();
                    progress.remove(runId);
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.remove(runId);
            progress.remove(runId);
            throw e;
        }
    }

    private void doCheck(long runId, ImportKind kind, ColumnMapping chosen, boolean readFile) {
        checkedAgainst.remove(runId);
        runs.setStatus(runId, ImportStatus.CHECKING);
        try {
            if (readFile) {
                ReadResult read = engine.read(
                        uploadFile(runId),
                        kind,
                        spoolFile(runId),
                        n -> report(runId, ImportProgress.Phase.READING, n, 0));
                runs.recordRead(runId, read.format().name(), describe(read), read.rowCount());
            }
            int total = runs.spoolRows(runId);
            ColumnMapping mapping = chosen != null
                    ? chosen
                    : engine.mapping(spoolFile(runId), kind, signature -> runs.savedMapping(kind, signature));
            runs.recordMapping(runId, mapping);
            runs.deleteRows(runId);
            RowBuffer buffer = new RowBuffer(runId);
            ImportCounts counts;
            try {
                counts = staging.containsKey(kind)
                        ? checkStaged(runId, kind, mapping, buffer, total)
                        : checkInRolledBackTransaction(runId, kind, mapping, buffer, total);
                buffer.flush();
            } catch (RuntimeException | Error e) {
                buffer.abandon();
                throw e;
            }
            runs.recordCounts(runId, counts);
            // no alert for a preview: its user is watching it (only an apply, which changes data, is announced)
            runs.finish(runId, ImportStatus.PREVIEWED, LocalDateTime.now(clock));
        } catch (ImportEngine.MappingRequired e) {
            runs.recordMapping(runId, e.mapping);
            runs.fail(runId, ImportStatus.NEEDS_MAPPING, "import.mapping.required", missingNames(kind, e.mapping));
        } catch (ImportRejectedException e) {
            runs.fail(runId, ImportStatus.REJECTED, e.code(), messageArguments(e));
            deleteFiles(runId);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Import run {} could not be checked, reference {}", runId, reference, e);
            runs.fail(runId, ImportStatus.REJECTED, "import.failed.unexpected", List.of(reference));
            deleteFiles(runId);
        }
    }

    /**
     * Suppliers, contracts and links: staged and compared set-based with plain reads, so a preview locks
     * nothing that other users write (issue 15; decisions 0023, 0031 and 0035).
     */
    private ImportCounts checkStaged(long runId, ImportKind kind, ColumnMapping mapping, RowBuffer buffer, int total) {
        if (!mapping.missingRequired(kind).isEmpty()) {
            throw new ImportEngine.MappingRequired(mapping);
        }
        Staging kindStaging = staging.get(kind);
        long started = System.nanoTime();
        kindStaging.stage(
                runId, spoolFile(runId), mapping, n -> report(runId, ImportProgress.Phase.CHECKING, n / 2, total));
        long staged = System.nanoTime();
        // taken before the classification reads the master: a change in between makes the apply classify again
        String stamp = kindStaging.masterStamp();
        ImportCounts counts = kindStaging.classify(
                runId, buffer, n -> report(runId, ImportProgress.Phase.CHECKING, (total + n) / 2, total));
        checkedAgainst.put(runId, stamp);
        log.info(
                "Import run {} ({}) checked: {} rows; stage {} ms, classify and row results {} ms",
                runId,
                kind,
                total,
                millis(started, staged),
                millis(staged, System.nanoTime()));
        return counts;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    /** Users: every row through its service in a transaction that is always rolled back. */
    private ImportCounts checkInRolledBackTransaction(
            long runId, ImportKind kind, ColumnMapping mapping, RowBuffer buffer, int total) {
        return work.execute(status -> {
            status.setRollbackOnly(); // a check never writes master data
            return engine.process(
                    spoolFile(runId),
                    kind,
                    mapping,
                    importer(kind),
                    buffer,
                    n -> report(runId, ImportProgress.Phase.CHECKING, n, total));
        });
    }

    /**
     * Staged kinds: written in bulk from the check's classification when nothing it read has changed since
     * (decision 0045), else compared again (the master moved since the preview) and then written.
     */
    private ImportCounts applyStaged(long runId, ImportKind kind, ColumnMapping mapping, RowBuffer buffer, int total) {
        Staging kindStaging = staging.get(kind);
        long started = System.nanoTime();
        Optional<ImportCounts> asChecked = applyAsChecked(runId, kindStaging, total);
        if (asChecked.isPresent()) {
            logApplied(
                    runId,
                    kind,
                    asChecked.get(),
                    "the check's classification reused (nothing it read changed since), write "
                            + millis(started, System.nanoTime()) + " ms");
            return asChecked.get();
        }
        if (!kindStaging.isStaged(runId)) {
            kindStaging.stage(runId, spoolFile(runId), mapping, n -> {});
        }
        long staged = System.nanoTime();
        ImportCounts counts =
                kindStaging.classify(runId, buffer, n -> report(runId, ImportProgress.Phase.APPLYING, n / 2, total));
        buffer.flush();
        long classified = System.nanoTime();
        if (counts.error() == 0) {
            work.executeWithoutResult(status -> {
                kindStaging.write(runId, n -> report(runId, ImportProgress.Phase.APPLYING, (total + n) / 2, total));
                // APPLIED in the transaction that writes the rows: a node killed after this commit (during the
                // re-evaluation that follows it) must not leave the run "interrupted, nothing applied"
                runs.recordCounts(runId, counts);
                runs.finish(runId, ImportStatus.APPLIED, LocalDateTime.now(clock));
            });
        }
        logApplied(
                runId,
                kind,
                counts,
                "stage " + millis(started, staged) + " ms, classify and row results " + millis(staged, classified)
                        + " ms, write " + millis(classified, System.nanoTime()) + " ms");
        return counts;
    }

    private static void logApplied(long runId, ImportKind kind, ImportCounts counts, String phases) {
        log.info(
                "Import run {} ({}) applied: {} new, {} changed, {} unchanged, {} errors; {}",
                runId,
                kind,
                counts.added(),
                counts.changed(),
                counts.unchanged(),
                counts.error(),
                phases);
    }

    /**
     * Writes the run as its check classified it, if the master stamp in the apply's transaction (its first read,
     * so the write reads the same snapshot) is the one the check classified against; empty, having written
     * nothing, when the stamp moved or the check's is unknown. The writes' own checks (versions under lock,
     * unique keys) stay as for a fresh classification.
     */
    private Optional<ImportCounts> applyAsChecked(long runId, Staging kindStaging, int total) {
        String checked = checkedAgainst.remove(runId);
        if (checked == null || !kindStaging.isStaged(runId)) {
            return Optional.empty();
        }
        ImportCounts counts = runs.find(runId).map(ImportRun::counts).orElse(null);
        if (counts == null || counts.error() > 0) {
            return Optional.empty();
        }
        boolean written = Boolean.TRUE.equals(work.execute(status -> {
            if (!checked.equals(kindStaging.masterStamp())) {
                return false;
            }
            kindStaging.write(runId, n -> report(runId, ImportProgress.Phase.APPLYING, n, total));
            runs.recordCounts(runId, counts);
            runs.finish(runId, ImportStatus.APPLIED, LocalDateTime.now(clock));
            return true;
        }));
        return written ? Optional.of(counts) : Optional.empty();
    }

    private void doApply(long runId, ImportKind kind, ColumnMapping mapping, int total) {
        if (!Files.exists(spoolFile(runId))) {
            runs.fail(
                    runId,
                    ImportStatus.FAILED,
                    "import.failed.expired",
                    List.of(properties.keepFiles().toHours()));
            announce(runId);
            return;
        }
        try {
            RowBuffer buffer = new RowBuffer(runId);
            ImportCounts counts;
            try {
                counts = staging.containsKey(kind)
                        ? applyStaged(runId, kind, mapping, buffer, total)
                        : work.execute(status -> {
                            ImportCounts result = engine.process(
                                    spoolFile(runId),
                                    kind,
                                    mapping,
                                    importer(kind),
                                    buffer,
                                    n -> report(runId, ImportProgress.Phase.APPLYING, n, total));
                            if (result.error() > 0) {
                                status.setRollbackOnly(); // all or nothing: one failed row and the whole file is rolled
                                // back
                            } else {
                                runs.recordCounts(runId, result); // APPLIED with its rows, as in applyStaged
                                runs.finish(runId, ImportStatus.APPLIED, LocalDateTime.now(clock));
                            }
                            return result;
                        });
                buffer.flush();
            } catch (RuntimeException | Error e) {
                buffer.abandon();
                throw e;
            }
            runs.recordCounts(runId, counts);
            if (counts.error() > 0) {
                runs.fail(runId, ImportStatus.FAILED, "import.apply.rowErrors", List.of(counts.error()));
            } else {
                runs.finish(runId, ImportStatus.APPLIED, LocalDateTime.now(clock));
                deleteFiles(runId);
            }
            announce(runId);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Import run {} could not be applied and was rolled back, reference {}", runId, reference, e);
            runs.fail(runId, ImportStatus.FAILED, "import.failed.rolledBack", List.of(reference));
            announce(runId);
        }
    }

    /** Tells listeners (the alerts) that an apply finished; they must not fail the import. */
    private void announce(long runId) {
        try {
            runs.find(runId)
                    .ifPresent(run -> events.publishEvent(new ImportFinishedEvent(
                            run.id(), run.kind(), run.status(), run.fileName(), run.startedBy(), run.counts())));
        } catch (RuntimeException e) {
            log.warn("Could not announce the end of import run {}", runId, e);
        }
    }

    private RowImporter importer(ImportKind kind) {
        return switch (kind) {
            case SUPPLIERS, CONTRACTS, SUBCONTRACTING ->
                throw new IllegalStateException(kind + " are imported set-based (Staging)");
            case USERS -> new UserRowImporter(userAdmin, orgUnits);
        };
    }

    private void report(long runId, ImportProgress.Phase phase, int done, int total) {
        if (done % 100 == 0 || done == total) {
            progress.put(runId, new ImportProgress(phase, done, total, 0));
        }
    }

    void deleteFiles(long runId) {
        checkedAgainst.remove(runId);
        staging.values().forEach(kindStaging -> kindStaging.clear(runId));
        deleteQuietly(uploadFile(runId));
        deleteQuietly(spoolFile(runId));
    }

    /** The arguments the refusal's message shows (plain numbers and words, never exceptions). */
    private List<Object> messageArguments(ImportRejectedException e) {
        List<Object> args = e.args();
        return switch (e.reason()) {
            case TOO_LARGE -> List.of(properties.maxFileSize().toMegabytes());
            case TOO_MANY_ROWS -> List.of(properties.maxRows());
            case TOO_MANY_COLUMNS -> List.of(args.isEmpty() ? "?" : args.get(0), properties.maxColumns());
            case TOO_MUCH_TEXT -> List.of(properties.maxTotalChars());
            case DEADLINE_EXCEEDED -> List.of(properties.parseDeadline().toSeconds());
            case CELL_TOO_LONG ->
                args.size() >= 2 ? List.of(args.get(0), args.get(1), properties.maxCellChars()) : List.of();
            case NOT_A_SPREADSHEET, EXCEL_95_OR_OLDER ->
                args.isEmpty() ? List.of("?") : List.of(String.valueOf(args.get(0)));
            case AMBIGUOUS_DELIMITER ->
                List.of(args.stream()
                        .map(a -> "\t".equals(String.valueOf(a)) ? "TAB" : String.valueOf(a))
                        .collect(java.util.stream.Collectors.joining(" ")));
            default -> List.of();
        };
    }

    private static List<Object> missingNames(ImportKind kind, ColumnMapping mapping) {
        return mapping.missingRequired(kind).stream()
                .map(f -> (Object) f.name())
                .toList();
    }

    private static String describe(ReadResult read) {
        List<String> parts = new ArrayList<>();
        if (read.sheetName() != null) {
            parts.add("sheet=" + read.sheetName());
        }
        if (read.charset() != null) {
            parts.add("charset=" + read.charset());
        }
        if (read.delimiter() != null) {
            parts.add("delimiter=" + (read.delimiter() == '\t' ? "TAB" : read.delimiter()));
        }
        if (read.date1904()) {
            parts.add("date1904");
        }
        if (!read.skippedSheets().isEmpty()) {
            parts.add("skipped=" + String.join(",", read.skippedSheets()));
        }
        return String.join("; ", parts);
    }

    private static boolean isOlderThan(Path file, LocalDateTime cutoff) {
        try {
            return Files.getLastModifiedTime(file)
                    .toInstant()
                    .isBefore(cutoff.atZone(java.time.ZoneId.systemDefault()).toInstant());
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /**
     * Writes row outcomes in batches, each in its own transaction (never part of the master-data one), behind the
     * thread that decides them ({@link WriteBehind}: one batch in flight). {@link #flush} returns when every row
     * handed on is written.
     */
    private final class RowBuffer implements java.util.function.Consumer<ImportRowResult> {
        private final long runId;
        private final List<ImportRowResult> rows = new ArrayList<>(ROW_BATCH);
        private final WriteBehind writes = new WriteBehind();

        RowBuffer(long runId) {
            this.runId = runId;
        }

        @Override
        public void accept(ImportRowResult row) {
            rows.add(row);
            if (rows.size() >= ROW_BATCH) {
                handOn();
            }
        }

        void flush() {
            try {
                handOn();
                writes.finish();
            } catch (RuntimeException | Error e) {
                writes.finishQuietly();
                throw e;
            }
        }

        /** After a failure elsewhere: lets the write in flight end before the run is marked failed or cleared. */
        void abandon() {
            rows.clear();
            writes.finishQuietly();
        }

        private void handOn() {
            if (!rows.isEmpty()) {
                List<ImportRowResult> batch = List.copyOf(rows);
                rows.clear();
                writes.submit(() -> rowWrites.executeWithoutResult(s -> runs.insertRows(runId, batch)));
            }
        }
    }
}
