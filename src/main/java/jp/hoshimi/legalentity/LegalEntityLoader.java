package jp.hoshimi.legalentity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.internal.LegalEntityRepository.Counts;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.legalentity.source.NtaFileReader;
import jp.hoshimi.legalentity.source.NtaFileRejectedException;
import jp.hoshimi.legalentity.source.NtaLimits;
import jp.hoshimi.shared.MasterDataChangedEvent;
import jp.hoshimi.shared.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads one NTA file: a run record first, then the whole file parsed into staging (streamed: zip → CSV →
 * tab-separated file → {@code LOAD DATA}), then one transaction applies it set-based and asks compliance
 * to re-judge the suppliers it touches. A file refused anywhere in the parse changes nothing stored; the
 * run keeps the reason. Callers check the role ({@link LegalEntityService}, the scheduled job as system).
 */
@Component
class LegalEntityLoader {

    private static final Logger log = LoggerFactory.getLogger(LegalEntityLoader.class);

    private final LegalEntityRepository repository;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final LegalEntityProperties properties;
    private final Clock clock;
    private final Outbox outbox;
    private final NameFragmentBuild nameFragments;

    LegalEntityLoader(
            LegalEntityRepository repository,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            LegalEntityProperties properties,
            Clock clock,
            Outbox outbox,
            NameFragmentBuild nameFragments) {
        this.outbox = outbox;
        this.nameFragments = nameFragments;
        this.repository = repository;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    LegalEntityRun load(Path file, String fileName, FileKind kind, NtaEdition edition, SourceType source, String by) {
        long runId = startRun(source, fileName, kind, edition, by, sizeOf(file), LegalEntityRun.Trigger.UPLOAD);
        return loadInto(runId, file, fileName, kind, edition, () -> {});
    }

    long startRun(
            SourceType source,
            String fileName,
            FileKind kind,
            NtaEdition edition,
            String by,
            Long bytes,
            LegalEntityRun.Trigger trigger) {
        return transactions.execute(
                status -> repository.startRun(source, fileName, kind, edition, by, now(), bytes, trigger));
    }

    /**
     * Loads a file into a run already recorded. {@code alsoOnApply} runs in the applying transaction (a
     * source's cursor moves only with the data it fetched).
     */
    LegalEntityRun loadInto(
            long runId, Path file, String fileName, FileKind kind, NtaEdition edition, Runnable alsoOnApply) {
        NtaLimits limits = new NtaLimits(properties.maxCsvSize().toBytes(), properties.maxExpansion());
        try {
            if (kind != FileKind.FULL
                    || !repository.holdsNoEntity()
                    || !loadFirst(runId, file, edition, limits, alsoOnApply)) {
                loadStaged(runId, file, kind, edition, limits, alsoOnApply);
            }
            outbox.dispatchSoon();
            // a very first file's fragments, or a build a restart or a timed-out lock left unfinished
            nameFragments.startIfPending();
        } catch (NtaFileRejectedException e) {
            String args = Arrays.stream(e.args()).map(String::valueOf).collect(Collectors.joining("\u001f"));
            fail(runId, e.reason().name(), args);
        } catch (RuntimeException e) {
            log.error("Loading NTA file {} (run {}) failed", fileName, runId, e);
            fail(runId, "UNEXPECTED", String.valueOf(e.getMessage()));
        } finally {
            repository.clearStaging(runId);
        }
        return repository.run(runId).orElseThrow();
    }

    /** Every file but a very first full one: parsed into staging, then applied set-based (decision 0028). */
    private void loadStaged(
            long runId, Path file, FileKind kind, NtaEdition edition, NtaLimits limits, Runnable alsoOnApply) {
        try (var staging = repository.staging(runId, properties.workDir())) {
            long started = System.nanoTime();
            long rows = NtaFileReader.read(file, edition, limits, staging::add);
            long read = System.nanoTime();
            staging.load();
            long staged = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                apply(runId, kind, rows);
                alsoOnApply.run();
            });
            log.info(
                    "NTA {} file loaded (run {}): read and check {} ms, stage {} ms, apply and commit {} ms",
                    kind,
                    runId,
                    millis(started, read),
                    millis(read, staged),
                    millis(staged, System.nanoTime()));
        }
    }

    /**
     * A very first full file (nothing stored): parsed and checked on a thread of its own while the server loads
     * its current rows straight into {@code legal_entity}, in one transaction with the apply lock, as the
     * register's first load does (docs/decisions/0044, 0046). No staging, no compare, no history; the name
     * fragments are built after the commit (in it for a small file). A bad row anywhere refuses the whole file.
     *
     * @return false when another node stored corporations meanwhile: then the file takes the usual way
     */
    private boolean loadFirst(long runId, Path file, NtaEdition edition, NtaLimits limits, Runnable alsoOnApply) {
        long started = System.nanoTime();
        long[] rowsRead = {0};
        Boolean loaded = transactions.execute(status -> {
            repository.lockForApply();
            if (!repository.holdsNoEntity()) {
                return false;
            }
            long stored = repository.loadFirst(
                    runId,
                    current -> rowsRead[0] = NtaFileReader.read(file, edition, limits, row -> {
                        // a row that is not the current state goes to the history only, and a first file has none
                        if (row.latest()) {
                            current.accept(row);
                        }
                    }));
            long parsedAndLoaded = System.nanoTime();
            repository.markNameIndexPending(runId, stored, now());
            if (stored < properties.nameFragmentsDeferredFrom()) {
                repository.buildNameFragments(Integer.MAX_VALUE, now());
            }
            Counts counts = new Counts(stored, 0, 0, 0);
            finishApply(runId, FileKind.FULL, rowsRead[0], counts, java.util.List.of());
            alsoOnApply.run();
            log.info(
                    "NTA FULL file loaded (run {}) as the very first: {} rows, {} corporations; parse, check and LOAD"
                            + " DATA {} ms, the rest of the transaction {} ms",
                    runId,
                    rowsRead[0],
                    stored,
                    millis(started, parsedAndLoaded),
                    millis(parsedAndLoaded, System.nanoTime()));
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private void apply(long runId, FileKind kind, long rows) {
        long started = System.nanoTime();
        repository.lockForApply();
        // a very first file would write (nearly) every corporation's fragments: they are built after the
        // commit instead, in chunks (docs/decisions/0046); later files keep them in step here
        boolean fragmentsLater = rows >= properties.nameFragmentsDeferredFrom() && repository.holdsNoEntity();
        var changed = repository.changedSuppliers(runId);
        long compared = System.nanoTime();
        if (!fragmentsLater) {
            repository.dropReplacedNameFragments(runId);
        }
        long dropped = System.nanoTime();
        if (!fragmentsLater) {
            repository.addNameFragments(runId);
        }
        long fragments = System.nanoTime();
        Counts counts = repository.apply(runId, kind);
        if (fragmentsLater) {
            repository.markNameIndexPending(runId, counts.added(), now());
        }
        long applied = System.nanoTime();
        var suppliers = finishApply(runId, kind, rows, counts, changed);
        log.info(
                "NTA {} file applied (run {}): {} rows, {} new, {} changed, {} history rows, {} suppliers to"
                        + " re-judge; lock and changed suppliers {} ms, name fragments {} ms replaced and {} ms written, apply {} ms, alerts"
                        + " and run {} ms",
                kind,
                runId,
                rows,
                counts.added(),
                counts.changed(),
                counts.history(),
                suppliers.size(),
                millis(started, compared),
                millis(compared, dropped),
                millis(dropped, fragments),
                millis(fragments, applied),
                millis(applied, System.nanoTime()));
    }

    /** The alerts of the renames and moves, the run's outcome, and the suppliers to re-judge. */
    private java.util.Set<Long> finishApply(
            long runId,
            FileKind kind,
            long rows,
            Counts counts,
            java.util.List<LegalEntityRepository.ChangedSupplier> changed) {
        for (var c : changed) {
            // a rename is told once per new name; a move once per change date, so a later correction of
            // the same move (same date, the address put right) is not told again
            String key = c.renamed()
                    ? "ENTITY_RENAMED:" + c.corporateNumber() + ":" + c.changeDate() + ":"
                            + c.after().hashCode() + ":" + c.supplierId()
                    : "ENTITY_MOVED:" + c.corporateNumber() + ":" + c.changeDate() + ":" + c.supplierId();
            outbox.entityChanged(
                    key,
                    new Outbox.Subject(c.supplierId(), c.supplierName(), c.corporateNumber(), 0),
                    new Outbox.EntityChange(
                            c.renamed() ? Outbox.EntityChange.Kind.RENAMED : Outbox.EntityChange.Kind.MOVED,
                            c.before(),
                            c.after(),
                            c.changeDate().toString()),
                    c.owners());
        }
        repository.succeedRun(runId, rows, counts, now());
        var suppliers = repository.suppliersTouchedBy(runId, kind);
        if (!suppliers.isEmpty()) {
            events.publishEvent(new MasterDataChangedEvent(suppliers, java.util.Set.of()));
        }
        return suppliers;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    void fail(long runId, String code, String args) {
        transactions.executeWithoutResult(status -> repository.failRun(runId, code, args, now()));
    }

    private static Long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
