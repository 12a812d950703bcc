package jp.hoshimi.register;

import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.register.internal.RegisterRepository;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the register: search, one company's entries and history, sync runs, the change feed, freshness. */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class RegisterService {

    public static final int MAX_PAGE_SIZE = 1000;

    private final RegisterRepository register;
    private final SettingsService settings;
    private final BusinessDate businessDate;

    RegisterService(RegisterRepository register, SettingsService settings, BusinessDate businessDate) {
        this.register = register;
        this.settings = settings;
        this.businessDate = businessDate;
    }

    /**
     * How current the register is: the last successful sync of the ★ register (a real time) and whether it is
     * too old as of the business now (with a fixed business date, as of that date: a sync after it is fresh).
     */
    public record Freshness(LocalDateTime lastSuccess, boolean stale, int limitHours, LocalDate businessDate) {}

    @Transactional(readOnly = true)
    public List<RegisterEntry> entries(RegisterKind kind, String text, boolean includeRemoved, int offset, int limit) {
        return register.entries(
                kind, text, includeRemoved, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countEntries(RegisterKind kind, String text, boolean includeRemoved) {
        return register.countEntries(kind, text, includeRemoved);
    }

    /** What the register says about a company (both kinds), removed entries included. */
    @Transactional(readOnly = true)
    public List<RegisterEntry> entriesOf(String corporateNumber) {
        return corporateNumber == null ? List.of() : register.entriesOf(corporateNumber);
    }

    @Transactional(readOnly = true)
    public List<RegisterChange> historyOf(String corporateNumber) {
        return corporateNumber == null ? List.of() : register.changesOf(corporateNumber, 500);
    }

    @Transactional(readOnly = true)
    public List<RegisterChange> recentChanges(int offset, int limit) {
        return register.recentChanges(Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countChanges() {
        return register.countChanges();
    }

    @Transactional(readOnly = true)
    public List<RegisterChange> changesOfRun(long runId, int offset, int limit) {
        return register.changesOfRun(runId, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public List<SyncRun> runs(RegisterKind kind, int offset, int limit) {
        return register.runs(kind, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    public int countRuns(RegisterKind kind) {
        return register.countRuns(kind);
    }

    @Transactional(readOnly = true)
    public SyncRun run(long id) {
        return register.run(id).orElseThrow(() -> new NotFoundException("register_sync_run", id));
    }

    @Transactional(readOnly = true)
    public Freshness freshness() {
        int limit = settings.policy().stalenessHours();
        Optional<SyncRun> last = register.lastSuccessful(RegisterKind.STAR);
        LocalDateTime at = last.map(SyncRun::finishedAt).orElse(null);
        boolean stale = at == null || Duration.between(at, businessDate.now()).toHours() >= limit;
        return new Freshness(at, stale, limit, businessDate.today());
    }
}
