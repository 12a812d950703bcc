package jp.hoshimi.legalentity;

import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The NTA corporate-number data: loading files (administrators), runs, one corporation and its history. */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class LegalEntityService {

    public static final int MAX_PAGE_SIZE = 1000;

    private final LegalEntityRepository repository;
    private final LegalEntityLoader loader;
    private final SystemAuthentication actor;
    private final LegalEntityProperties properties;
    private final java.time.Clock clock;
    private final NameFragmentBuild nameFragments;

    LegalEntityService(
            LegalEntityRepository repository,
            LegalEntityLoader loader,
            SystemAuthentication actor,
            LegalEntityProperties properties,
            java.time.Clock clock,
            NameFragmentBuild nameFragments) {
        this.clock = clock;
        this.nameFragments = nameFragments;
        this.repository = repository;
        this.loader = loader;
        this.actor = actor;
        this.properties = properties;
    }

    /** Loads an uploaded NTA file; the run says how it went (a refused file changes nothing). */
    @RolesAllowed(Role.ADMIN_NAME)
    public LegalEntityRun upload(Path file, String fileName, FileKind kind, NtaEdition edition) {
        return loader.load(file, fileName, kind, edition, SourceType.UPLOAD, actor.currentActor());
    }

    /** Loads an uploaded NTA file from its stream: spooled to the work directory first, deleted after. */
    @RolesAllowed(Role.ADMIN_NAME)
    public LegalEntityRun upload(java.io.InputStream in, String fileName, FileKind kind, NtaEdition edition)
            throws java.io.IOException {
        java.nio.file.Files.createDirectories(properties.workDir());
        Path spool = java.nio.file.Files.createTempFile(properties.workDir(), "upload-", ".bin");
        try {
            java.nio.file.Files.copy(in, spool, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return loader.load(spool, fileName, kind, edition, SourceType.UPLOAD, actor.currentActor());
        } finally {
            java.nio.file.Files.deleteIfExists(spool);
        }
    }

    @Transactional(readOnly = true)
    public Optional<LegalEntity> entity(String corporateNumber) {
        return corporateNumber == null ? Optional.empty() : repository.entity(corporateNumber);
    }

    @Transactional(readOnly = true)
    public List<LegalEntityChange> historyOf(String corporateNumber) {
        return corporateNumber == null ? List.of() : repository.changesOf(corporateNumber, 200);
    }

    /**
     * Who a supplier without 法人番号 may be: candidates by name (and reading, and the address's prefecture),
     * scored and best first. A person confirms one; nothing is set from here.
     */
    @Transactional(readOnly = true)
    public List<LegalEntityCandidate> candidates(String name, String reading, String address, int limit) {
        return candidates(name, reading, address, 0, limit);
    }

    /**
     * Whether the candidates' partial-name ("contains") matches are complete: after a very first NTA file
     * they are indexed after the load, and every place that shows candidates says so until then, with this
     * progress (docs/decisions/0046). Equal names and readings are always complete.
     */
    @Transactional(readOnly = true)
    public NameIndexProgress nameIndex() {
        return nameFragments.progress();
    }

    /**
     * Builds the rest of a pending partial-name index now, on the caller's thread, chunk by chunk (each its
     * own transaction); returns at once when none is pending. The app does this by itself in the background;
     * this is for an administrator (or a benchmark) who wants to wait for it.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public NameIndexProgress buildNameIndex() {
        return nameFragments.buildAll();
    }

    /** One page of {@link #candidates(String, String, String, int)}, best first (paged in SQL). */
    @Transactional(readOnly = true)
    public List<LegalEntityCandidate> candidates(String name, String reading, String address, int offset, int limit) {
        String normalized = jp.hoshimi.shared.CompanyNames.normalize(name);
        if (normalized.isEmpty() || normalized.length() > 300) {
            return List.of();
        }
        String kana =
                reading == null || reading.isBlank() ? null : jp.hoshimi.shared.CompanyNames.sortKey(null, reading);
        return repository.candidates(
                normalized,
                kana,
                address == null || address.length() > 600 ? null : address,
                Math.max(0, offset),
                Math.min(Math.max(1, limit), 200));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<LegalEntityRun> runs(int offset, int limit) {
        return repository.runs(Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public int countRuns() {
        return repository.countRuns();
    }

    /**
     * How current the NTA data is, like the register's: when it was last loaded or found unchanged at the
     * source, and whether that is older than {@code hoshimi.legal-entity.stale-after}.
     */
    public record Freshness(java.time.LocalDateTime asOf, String source, boolean stale, long limitHours) {}

    @Transactional(readOnly = true)
    public Freshness freshness() {
        Optional<LegalEntityRun> last = repository.lastCurrent();
        java.time.LocalDateTime asOf = last.map(LegalEntityRun::finishedAt).orElse(null);
        boolean stale = asOf == null || asOf.plus(properties.staleAfter()).isBefore(java.time.LocalDateTime.now(clock));
        return new Freshness(
                asOf,
                last.map(LegalEntityRun::fileName).orElse(null),
                stale,
                properties.staleAfter().toHours());
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<LegalEntityRun> run(long id) {
        return repository.run(id);
    }

    /** The last successful load of any file: how current the NTA data is. */
    @Transactional(readOnly = true)
    public Optional<LegalEntityRun> lastSuccess() {
        return repository.lastSuccess(null);
    }
}
