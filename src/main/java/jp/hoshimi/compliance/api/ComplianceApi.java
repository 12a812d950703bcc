package jp.hoshimi.compliance.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.compliance.ComplianceService;
import jp.hoshimi.compliance.ContractCoverage;
import jp.hoshimi.compliance.ContractEvaluation;
import jp.hoshimi.compliance.CoverageService;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.Reason;
import jp.hoshimi.compliance.Registration;
import jp.hoshimi.compliance.SupplierCheck;
import jp.hoshimi.compliance.SupplierEvaluation;
import jp.hoshimi.compliance.Verdict;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.ui.MessageBundle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance over REST: a contract's chain, a supplier's findings, the current findings by status.
 * Reasons come as a code and as a sentence in the request's language (Accept-Language: ja or en).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Compliance", description = "Whether each supplier in each chain holds the level required, and until when")
class ComplianceApi {

    /** One supplier in one chain. */
    record LinkJson(
            String contractNumber,
            long supplierId,
            String supplierName,
            String corporateNumber,
            int tier,
            @Schema(implementation = RequiredLevel.class) String requiredLevel,

            @Schema(implementation = StarLevel.class, nullable = true)
            String heldLevel,

            LocalDate validUntil,

            @Schema(
                    allowableValues = {"ACTIVE", "SUSPENDED", "REVOKED", "EXPIRED"},
                    nullable = true)
            String registerStatus,

            @Schema(implementation = ComplianceStatus.class) String status,
            Integer warningDays,
            @Schema(implementation = Reason.class) String reasonCode,
            String reason,
            LocalDateTime statusSince,

            @Schema(
                    implementation = ComplianceStatus.class,
                    nullable = true,
                    description = "The status before the last change")
            String previousStatus,

            LocalDate evaluatedOn,
            // issue 20: status ACCEPTED names its exception and last day; reasonCode stays the gap's
            Long exceptionId,
            LocalDate acceptedUntil) {}

    record ContractJson(
            String contractNumber,
            @Schema(implementation = ComplianceStatus.class) String status,
            LocalDateTime statusSince,

            @Schema(
                    implementation = ComplianceStatus.class,
                    nullable = true,
                    description = "The status before the last change")
            String previousStatus,

            boolean stale,
            LocalDateTime registerAsOf,
            List<LinkJson> links,
            CoverageJson coverage) {}

    /**
     * Issue 20, contract-term coverage: {@code kind} UNTIL / NO_EXPIRY / NOT_COVERED / NOT_EVALUATED, the
     * date the chain holds its levels until, whether that is before the contract's end, and the renewals
     * the contract depends on ({@code renewalCountKnown} false when a ★5 period is among them).
     */
    record CoverageJson(
            LocalDate contractStart,
            LocalDate contractEnd,

            @Schema(implementation = ContractCoverage.Kind.class)
            String kind,

            LocalDate coveredUntil,
            boolean endsBeforeContract,
            int renewals,
            boolean renewalCountKnown,
            List<LinkCoverageJson> links) {}

    record LinkCoverageJson(
            long supplierId,
            String supplierName,
            int tier,

            @Schema(implementation = StarLevel.class, nullable = true)
            String heldLevel,

            LocalDate validUntil,
            boolean meetsLevel,
            List<LocalDate> renewalsDue) {}

    record SupplierJson(
            long supplierId,
            @Schema(implementation = ComplianceStatus.class) String status,
            LocalDateTime statusSince,

            @Schema(
                    implementation = ComplianceStatus.class,
                    nullable = true,
                    description = "The status before the last change")
            String previousStatus,

            @Schema(implementation = StarLevel.class, nullable = true)
            String heldLevel,

            LocalDate validUntil,
            String registeredName,
            boolean stale,
            LocalDateTime registerAsOf,
            List<LinkJson> findings) {}

    record FindingsJson(
            int total,
            int offset,

            @Schema(description = "True when the register data is older than the staleness limit")
            boolean stale,

            @Schema(description = "When the last successful register sync finished (UTC)")
            LocalDateTime registerAsOf,

            List<LinkJson> findings) {}

    /** 取引先チェック: can a contract requiring this level be placed with the supplier today, until when, what next. */
    record CheckJson(
            long supplierId,
            String supplierName,
            String corporateNumber,
            @Schema(implementation = RequiredLevel.class) String requiredLevel,

            @Schema(description = "True for OK and EXPIRING")
            boolean canContract,

            @Schema(implementation = ComplianceStatus.class) String status,

            @Schema(implementation = StarLevel.class, nullable = true)
            String heldLevel,

            @Schema(description = "The last day the answer holds; null without expiry")
            LocalDate validUntil,

            @Schema(description = "From this day on the renewal warning shows")
            LocalDate warningFrom,

            @Schema(implementation = Reason.class) String reasonCode,

            @Schema(description = "What it means and what to do next, in the request's language")
            String reason,

            LocalDate evaluatedOn,
            boolean stale,
            LocalDateTime registerAsOf) {}

    private final ComplianceService compliance;
    private final CoverageService coverage;
    private final MessageBundle messages;
    private final RegisterService register;

    ComplianceApi(
            ComplianceService compliance, CoverageService coverage, MessageBundle messages, RegisterService register) {
        this.compliance = compliance;
        this.coverage = coverage;
        this.messages = messages;
        this.register = register;
    }

    @GetMapping("/suppliers/{id}/check")
    @Operation(
            summary = "The supplier check (取引先チェック): may a contract requiring this level be placed with the"
                    + " supplier today, until when, and what next",
            description = "By the same rules as the evaluation, from the register as stored now (see stale).")
    CheckJson check(@PathVariable long id, @RequestParam RequiredLevel requiredLevel, HttpServletRequest request) {
        SupplierCheck c = compliance.check(id, requiredLevel);
        Verdict v = c.verdict();
        Locale locale = MessageBundle.supported(request.getLocale());
        return new CheckJson(
                c.supplierId(),
                c.supplierName(),
                c.corporateNumber(),
                requiredLevel.name(),
                c.canContract(),
                v.status().name(),
                v.heldLevel() == null ? null : v.heldLevel().name(),
                v.validUntil(),
                c.warningFrom(),
                v.reason().name(),
                reason(v, locale),
                v.evaluatedOn(),
                c.stale(),
                c.registerAsOf());
    }

    @GetMapping("/contracts/{contractNumber}/evaluation")
    @Operation(summary = "A contract's status (the worst of its chain) and every supplier of the chain with reasons")
    ContractJson contract(@PathVariable String contractNumber, HttpServletRequest request) {
        ContractEvaluation e = compliance.contractEvaluation(contractNumber.strip());
        Locale locale = MessageBundle.supported(request.getLocale());
        return new ContractJson(
                e.contractNumber(),
                name(e.status()),
                e.since(),
                name(e.previous()),
                e.stale(),
                e.registerAsOf(),
                e.links().stream().map(f -> json(f, locale)).toList(),
                json(coverage.contractCoverage(e.contractId())));
    }

    private static CoverageJson json(ContractCoverage c) {
        return new CoverageJson(
                c.start(),
                c.end(),
                c.kind().name(),
                c.coveredUntil(),
                c.endsBeforeContract(),
                c.renewals(),
                c.renewalCountKnown(),
                c.links().stream()
                        .map(l -> new LinkCoverageJson(
                                l.supplierId(),
                                l.supplierName(),
                                l.tier(),
                                l.heldLevel() == null ? null : l.heldLevel().name(),
                                l.validUntil(),
                                l.meetsLevel(),
                                l.renewalsDue()))
                        .toList());
    }

    @GetMapping("/suppliers/{id}/evaluation")
    @Operation(
            summary = "A supplier's own status (the worst of the findings about it, never another supplier's failure),"
                    + " its register entry and its findings with reasons")
    SupplierJson supplier(@PathVariable long id, HttpServletRequest request) {
        SupplierEvaluation e = compliance.supplierEvaluation(id);
        Locale locale = MessageBundle.supported(request.getLocale());
        Registration r = e.registration();
        return new SupplierJson(
                e.supplierId(),
                name(e.status()),
                e.since(),
                name(e.previous()),
                r == null ? null : r.heldLevel().name(),
                r == null ? null : r.validUntil(),
                r == null ? null : r.registeredName(),
                e.stale(),
                e.registerAsOf(),
                e.findings().stream().map(f -> json(f, locale)).toList());
    }

    @GetMapping("/findings")
    @Operation(
            summary = "Current findings, worst first",
            description =
                    "status: one or more of REVOKED, EXPIRED, MISSING, UNVERIFIABLE, INSUFFICIENT, EXPIRING, ACCEPTED, OK"
                            + " (comma-separated or repeated); none = every finding.")
    ResponseEntity<FindingsJson> findings(
            @Parameter(array = @ArraySchema(schema = @Schema(implementation = ComplianceStatus.class)))
                    @RequestParam(required = false)
                    List<String> status,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        Set<ComplianceStatus> statuses = statuses(status);
        Locale locale = MessageBundle.supported(request.getLocale());
        int total = compliance.countFindings(statuses);
        RegisterService.Freshness freshness = register.freshness();
        List<LinkJson> rows = compliance.findings(statuses, page.offset(), page.limit()).stream()
                .map(f -> json(f, locale))
                .toList();
        return ResponseEntity.ok()
                .headers(page.headers(request, rows.size(), ResultCount.exactly(total)))
                .body(new FindingsJson(total, offset, freshness.stale(), freshness.lastSuccess(), rows));
    }

    private static Set<ComplianceStatus> statuses(List<String> values) {
        Set<ComplianceStatus> statuses = EnumSet.noneOf(ComplianceStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String part : value.split(",")) {
                String name = part.strip().toUpperCase(Locale.ROOT);
                if (name.isEmpty()) {
                    continue;
                }
                try {
                    statuses.add(ComplianceStatus.valueOf(name));
                } catch (IllegalArgumentException e) {
                    throw new ValidationException(FieldProblem.of(
                            "status",
                            "compliance.api.unknownStatus",
                            part.strip(),
                            String.join(
                                    ", ",
                                    Arrays.stream(ComplianceStatus.values())
                                            .map(Enum::name)
                                            .toList())));
                }
            }
        }
        return statuses;
    }

    private LinkJson json(Finding f, Locale locale) {
        var v = f.verdict();
        return new LinkJson(
                f.contractNumber(),
                f.supplierId(),
                f.supplierName(),
                f.corporateNumber(),
                f.tier(),
                v.required().name(),
                v.heldLevel() == null ? null : v.heldLevel().name(),
                v.validUntil(),
                v.registerStatus(),
                v.status().name(),
                v.warningDays(),
                v.reason().name(),
                reason(v, locale),
                f.since(),
                name(f.previous()),
                v.evaluatedOn(),
                v.acceptance() == null ? null : v.acceptance().exceptionId(),
                v.acceptance() == null ? null : v.acceptance().until());
    }

    private static String name(ComplianceStatus status) {
        return status == null ? null : status.name();
    }

    /** The reason as a sentence in the request's language. */
    private String reason(Verdict v, Locale locale) {
        return messages.getTranslation(v.reason().messageKey(), locale, v.reasonArguments());
    }
}
