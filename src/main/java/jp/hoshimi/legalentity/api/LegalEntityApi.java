package jp.hoshimi.legalentity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.hoshimi.legalentity.LegalEntity;
import jp.hoshimi.legalentity.LegalEntityCandidate;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.LegalEntitySyncBusyException;
import jp.hoshimi.legalentity.LegalEntitySyncService;
import jp.hoshimi.legalentity.NameIndexProgress;
import jp.hoshimi.legalentity.NoLegalEntitySourceException;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.api.ApiConflictException;
import jp.hoshimi.shared.api.ApiPage;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The NTA corporate-number data over REST (issue 21): one corporation, and candidates for a name. Data
 * from the NTA: "Source: National Tax Agency Corporate Number Publication Site, processed by Hoshimi; not
 * guaranteed by the National Tax Agency."
 */
@RestController
@RequestMapping("/api/v1/legal-entities")
@Tag(name = "Legal entities", description = "The NTA corporate-number data (出典：国税庁法人番号公表サイト、加工して作成)")
class LegalEntityApi {

    private final LegalEntityService legalEntities;
    private final LegalEntitySyncService sync;

    LegalEntityApi(LegalEntityService legalEntities, LegalEntitySyncService sync) {
        this.legalEntities = legalEntities;
        this.sync = sync;
    }

    record SyncStarted(long runId, String status) {}

    @PostMapping("/sync")
    @Operation(
            summary = "Fetch the NTA differences from the configured source now (ADMIN); answers 202 with the run id",
            description = "409 NO_LEGAL_ENTITY_SOURCE when no source is configured (管理 → 法人番号データ),"
                    + " 409 LEGAL_ENTITY_SYNC_RUNNING while a fetch runs. Poll GET"
                    + " /api/v1/legal-entities/sync-runs/{runId} until its outcome is no longer RUNNING.")
    ResponseEntity<SyncStarted> startSync() {
        try {
            long runId = sync.startSync(LegalEntityRun.Trigger.MANUAL);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new SyncStarted(runId, "RUNNING"));
        } catch (NoLegalEntitySourceException e) {
            throw new ApiConflictException("NO_LEGAL_ENTITY_SOURCE", "legalEntity.sync.noSource");
        } catch (LegalEntitySyncBusyException e) {
            throw new ApiConflictException("LEGAL_ENTITY_SYNC_RUNNING", "legalEntity.sync.busy");
        }
    }

    @GetMapping("/sync-runs")
    @Operation(summary = "The loads and fetches of NTA data, newest first (ADMIN, AUDITOR)")
    ResponseEntity<List<LegalEntityRun>> runs(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        return page.answer(
                request,
                legalEntities.runs(page.offset(), page.limit()),
                ResultCount.exactly(legalEntities.countRuns()));
    }

    @GetMapping("/sync-runs/{id}")
    @Operation(
            summary = "One load or fetch: outcome (RUNNING, SUCCEEDED, UNCHANGED, FAILED), counts, and the reason"
                    + " code and arguments of a failure (ADMIN, AUDITOR)")
    LegalEntityRun run(@PathVariable long id) {
        return legalEntities.run(id).orElseThrow(() -> new NotFoundException("legal_entity_run", id));
    }

    record FreshnessJson(
            @Schema(
                    description = "When the NTA data was last loaded or found unchanged at its source (UTC);"
                            + " null before the first")
            java.time.LocalDateTime asOf,

            @Schema(description = "True when that is older than the staleness limit")
            boolean stale,

            long stalenessLimitHours) {}

    @GetMapping("/freshness")
    @Operation(summary = "How current the NTA data is: asOf and stale")
    FreshnessJson freshness() {
        LegalEntityService.Freshness freshness = legalEntities.freshness();
        return new FreshnessJson(freshness.asOf(), freshness.stale(), freshness.limitHours());
    }

    @GetMapping("/{corporateNumber}")
    @Operation(summary = "One corporation as the NTA data last described it (404 when it has no such number)")
    LegalEntity entity(@PathVariable String corporateNumber) {
        return legalEntities
                .entity(corporateNumber.strip())
                .orElseThrow(() -> new NotFoundException("legal_entity", corporateNumber));
    }

    /** Response headers of the candidate search while the partial-name index is built (docs/decisions/0046). */
    static final String CONTAINS_INDEX = "Hoshimi-Contains-Index";

    static final String CONTAINS_INDEX_PROGRESS = "Hoshimi-Contains-Index-Progress";

    @GetMapping
    @Operation(
            summary = "Candidates for a company name, optionally with its reading and address (prefecture), best first",
            description = "While the partial-name (\"contains\") index is still being built after a very first NTA"
                    + " load, the answer carries the header " + CONTAINS_INDEX + ": pending and "
                    + CONTAINS_INDEX_PROGRESS + ": <built>/<total> corporations: contains matches may then be"
                    + " missing (same-name and same-reading ones are complete). GET /api/v1/legal-entities/name-index"
                    + " tells the same as JSON.")
    ResponseEntity<List<LegalEntityCandidate>> candidates(
            @RequestParam String name,
            @RequestParam(required = false) String furigana,
            @RequestParam(required = false) String prefecture,
            @RequestParam(defaultValue = "20") int limit) {
        List<LegalEntityCandidate> found = legalEntities.candidates(name, furigana, prefecture, limit);
        NameIndexProgress index = legalEntities.nameIndex();
        var answer = ResponseEntity.ok();
        if (index.pending()) {
            answer.header(CONTAINS_INDEX, "pending")
                    .header(CONTAINS_INDEX_PROGRESS, index.built() + "/" + index.total());
        }
        return answer.body(found);
    }

    record NameIndexJson(
            @Schema(description = "True while partial-name (\"contains\") matches are still being indexed")
            boolean pending,

            @Schema(description = "Corporations indexed so far (while pending)")
            long built,

            @Schema(description = "Corporations to index (while pending)")
            long total,

            @Schema(description = "Done so far, 0-100") int percent) {}

    @GetMapping("/name-index")
    @Operation(
            summary = "Whether the candidate search's partial-name (\"contains\") matches are complete, or still"
                    + " being indexed after a very first NTA load (with progress)")
    NameIndexJson nameIndex() {
        NameIndexProgress index = legalEntities.nameIndex();
        return new NameIndexJson(index.pending(), index.built(), index.total(), index.percent());
    }
}
