package jp.hoshimi.settings.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;
import jp.hoshimi.shared.api.ApiVersions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The policy settings over REST (issue 18): read (risk managers, administrators, auditors), change (not auditors). */
@RestController
@RequestMapping("/api/v1/settings/policy")
@Tag(name = "Settings", description = "The buyer's policy: sub-contractor rule, lead times, staleness limit")
class PolicyApi {

    /** The policy with its version ({@code -1} while the defaults were never saved). */
    record PolicyJson(
            SubcontractorPolicy subcontractorPolicy,

            @Schema(
                    description = "Days before valid-until each level warns, largest first",
                    example = "{\"STAR3\":[90,30,7],\"STAR4\":[180,90,30]}")
            Map<StarLevel, List<Integer>> leadTimeDays,

            @Schema(description = "Register data older than this many hours is stale", example = "48")
            int stalenessHours,

            @Schema(description = "For optimistic locking when If-Match is not sent")
            Integer version) {}

    private final SettingsService settings;

    PolicyApi(SettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "The policy in force; its ETag is its version")
    ResponseEntity<PolicyJson> read() {
        SettingsService.Versioned current = settings.current();
        PolicySettings p = current.settings();
        return ApiVersions.ok(
                new PolicyJson(p.subcontractorPolicy(), p.leadTimeDays(), p.stalenessHours(), current.version()),
                current.version());
    }

    @PutMapping
    @Operation(
            summary = "Replaces the policy (risk managers, administrators); every chain is re-evaluated",
            description = "Send If-Match with the ETag read (412 when someone saved since) or version in the body"
                    + " (409 STALE_VERSION when stale). 422 names a field out of range.")
    ResponseEntity<PolicyJson> update(
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PolicyJson request) {
        int version = ApiVersions.expected(
                ifMatch, request.version(), settings.current().version());
        settings.save(
                new PolicySettings(
                        request.subcontractorPolicy(),
                        request.leadTimeDays() == null ? Map.of() : request.leadTimeDays(),
                        request.stalenessHours()),
                version);
        return read();
    }
}
