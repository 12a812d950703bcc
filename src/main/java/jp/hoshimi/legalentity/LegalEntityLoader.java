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
        try (var staging = repository.staging(runId, properties.workDir())) {
            NtaLimits limits = new NtaLimits(properties.maxCsvSize().toBytes(), properties.maxExpansion());
            long started = System.nanoTime();
            long rows = NtaFileReader.read(file, edition, limits, staging::add);
            long read = System.nanoTime();
            staging.load();
            long staged = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                apply(runId, kind, rows);
                alsoOnApply.run();
            });
            long committed = System.nanoTime();
            log.info(
                    "NTA {} file loaded (run {}): read and check {} ms, stage {} ms, apply and commit {} ms",
                    kind,
                    runId,
                    millis(started, read),
                    millis(read, staged),
                    millis(staged, committed));
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
