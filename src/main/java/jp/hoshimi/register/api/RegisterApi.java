package jp.hoshimi.register.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.register.NoRegisterSourceException;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.RegisterSyncService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.api.ApiConflictException;
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
        RegisterKind registerKind = RegisterKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        long runId;
        try {
            runId = sync.startSync(registerKind, SyncRun.Trigger.API);
        } catch (NoRegisterSourceException e) {
            throw new ApiConflictException("NO_REGISTER_SOURCE", "register.noSource.api", registerKind.name());
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SyncStarted(runId, "RUNNING"));
    }

    @GetMapping("/sync-runs/{id}")
    @Operation(summary = "A sync run: outcome, counts, error, validators")
    SyncRun run(@PathVariable long id) {
        return register.run(id);
    }

    @GetMapping("/entries")
    @Operation(summary = "Register entries by corporate number (both kinds, removed ones included) or by search text")
    List<RegisterEntry> entries(
            @RequestParam(required = false) String corporateNumber,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (corporateNumber != null) {
            return register.entriesOf(corporateNumber.strip());
        }
        return register.entries(null, q, false, offset, limit);
    }
}
