package jp.hoshimi.register.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.hoshimi.register.NoRegisterSourceException;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.api.ApiConflictException;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.api.ApiParameters;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The register over REST: start a sync (ADMIN), read a run, look a company up. */
@RestController
@RequestMapping("/api/v1/register")
@Tag(name = "Register", description = "The public register as synced, and its sync runs")
class RegisterApi {

    record SyncStarted(long runId, String status) {}

    private final RegisterSyncService sync;
    private final RegisterService register;

    RegisterApi(RegisterSyncService sync, RegisterService register) {
        this.sync = sync;
        this.register = register;
    }

    @PostMapping("/sync")
    @Operation(
            summary = "Start a sync of the register (ADMIN); answers 202 with the run id at once",
            description =
                    "409 NO_REGISTER_SOURCE when no source is configured for the kind (管理 → 台帳の取得元). Poll GET /api/v1/register/sync-runs/{runId} until its outcome is no longer RUNNING.")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    ResponseEntity<SyncStarted> startSync(
            @Parameter(description = "Which register", schema = @Schema(implementation = RegisterKind.class))
                    @RequestParam(defaultValue = "STAR")
                    String kind) {
        RegisterKind registerKind = ApiParameters.oneOf("kind", kind, RegisterKind.class);
        long runId;
        try {
            runId = sync.startSync(registerKind, SyncRun.Trigger.API);
        } catch (NoRegisterSourceException e) {
            throw new ApiConflictException("NO_REGISTER_SOURCE", "register.noSource.api", registerKind.name());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SyncStarted(runId, "RUNNING"));
    }

    @GetMapping("/sync-runs")
    @Operation(
            summary = "The sync runs, newest first",
            description = "evaluatedAt is set when the re-evaluation that follows a run has completed: results read"
                    + " after it reflect the run.")
    ResponseEntity<List<SyncRun>> runs(
            @Parameter(schema = @Schema(implementation = RegisterKind.class)) @RequestParam(required = false)
                    String kind,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        RegisterKind registerKind = ApiParameters.oneOf("kind", kind, RegisterKind.class);
        return page.answer(
                request,
                register.runs(registerKind, page.offset(), page.limit()),
                ResultCount.exactly(register.countRuns(registerKind)));
    }

    /** How current the register is (the ★ register's last successful sync). */
    record FreshnessJson(
            @Schema(description = "When the last successful sync finished (UTC); null before the first")
            java.time.LocalDateTime registerAsOf,

            @Schema(description = "True when that is older than the staleness limit: never trust OK on stale data")
            boolean stale,

            int stalenessLimitHours,

            @Schema(
                    description = "The business date every judgement is made as of (Asia/Tokyo); stale is judged as"
                            + " of it too, so with a fixed business date a sync after that date counts as fresh")
            java.time.LocalDate businessDate) {}

    @GetMapping("/freshness")
    @Operation(summary = "How current the register is: registerAsOf and stale")
    FreshnessJson freshness() {
        RegisterService.Freshness freshness = register.freshness();
        return new FreshnessJson(
                freshness.lastSuccess(), freshness.stale(), freshness.limitHours(), freshness.businessDate());
    }

    @GetMapping("/sync-runs/{id}")
    @Operation(
            summary = "A sync run: outcome, counts, error, validators, and evaluatedAt once the re-evaluation after"
                    + " it completed (wait for that, not only the outcome, before reading results)")
    SyncRun run(@PathVariable long id) {
        return register.run(id);
    }

    @GetMapping("/entries")
    @Operation(summary = "Register entries by corporate number (both kinds, removed ones included) or by search text")
    ResponseEntity<List<RegisterEntry>> entries(
            @Parameter(description = "法人番号, normalised (full-width digits, hyphens); an invalid one is 422")
                    @RequestParam(required = false)
                    String corporateNumber,
            @RequestParam(required = false) String q,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        if (corporateNumber != null) {
            return ResponseEntity.ok(
                    register.entriesOf(ApiParameters.corporateNumber("corporateNumber", corporateNumber)));
        }
        return page.answer(request, register.entries(null, q, false, page.offset(), page.limit()), null);
    }
}
