package jp.hoshimi.contract.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractListItem;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.api.ApiBadRequestException;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.api.ApiParameters;
import jp.hoshimi.shared.api.ApiVersions;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contracts and their sub-contractor chains over REST, addressed by contract number. The token's data
 * scope applies: another unit's contract answers 404, exactly like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "Contracts, the level each requires, and sub-contractor chains")
class ContractApi {

    private static final String NOT_ANSWERED = " true = yes, false = no, null or absent = not answered";

    /**
     * A contract to save. The supplier by {@code supplierId}, {@code supplierCode} or
     * {@code supplierCorporateNumber}; the unit by its code; the owner by user name.
     */
    record ContractRequest(
            String contractNumber,
            String title,
            Long supplierId,
            String supplierCode,
            String supplierCorporateNumber,
            String orgUnitCode,
            String ownerUsername,
            LocalDate startDate,
            LocalDate endDate,
            Boolean handlesConfidential,
            Boolean businessCritical,
            Boolean networkAccess,
            RequiredLevel requiredLevel,
            String levelReason,
            Integer version) {}

    /**
     * A sub-contractor link; suppliers by id, code or corporate number. The three decision-chart answers
     * as for a contract: true = yes, false = no, left out or null = not answered (shown as a gap, judged
     * as not raising the level; decision 0015).
     */
    record LinkRequest(
            Long parentSupplierId,
            String parentSupplierCode,
            String parentCorporateNumber,
            Long childSupplierId,
            String childSupplierCode,
            String childCorporateNumber,

            @Schema(
                    description = "Chart Q1: our important confidential information is handled on the child's IT;"
                            + NOT_ANSWERED,
                    nullable = true)
            Boolean confidentialDataFlows,

            @Schema(
                    description =
                            "Chart Q3: the child's environment can connect into our internal systems;" + NOT_ANSWERED,
                    nullable = true)
            Boolean systemAccess,

            @Schema(
                    description =
                            "Chart Q2: the child's stoppage would unacceptably delay our business;" + NOT_ANSWERED,
                    nullable = true)
            Boolean businessCritical,

            @Schema(
                    description = "Explicit level; null = from the sub-contractor policy (any chart answer yes:"
                            + " the contract's level, otherwise STAR3)")
            RequiredLevel requiredLevel,

            String note) {}

    private final ContractService contracts;
    private final SubcontractingService chains;
    private final SupplierService suppliers;
    private final OrgUnitService orgUnits;
    private final UserAccountService users;

    ContractApi(
            ContractService contracts,
            SubcontractingService chains,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            UserAccountService users) {
        this.contracts = contracts;
        this.chains = chains;
        this.suppliers = suppliers;
        this.orgUnits = orgUnits;
        this.users = users;
    }

    @GetMapping
    @Operation(
            summary = "Contracts in the token's scope, with the filters of the contract list screen",
            description = "The same ContractFilter as 契約一覧: text, unit (and the units below it), required"
                    + " level, owner, evaluated status, expiring within N days, not evaluated yet, ended. Unknown"
                    + " parameters are refused (400). Each item carries coveredUntil / notCovered; coverageShort=true keeps"
                    + " the contracts whose registrations end before the contract does (issue 20).")
    ResponseEntity<List<ContractListItem>> list(
            @Parameter(description = "Contract number, title or supplier name") @RequestParam(required = false)
                    String q,
            @Parameter(description = "Unit code; includes the units below it") @RequestParam(required = false)
                    String orgUnitCode,
            @RequestParam(required = false) RequiredLevel requiredLevel,
            @Parameter(description = "Owner's user name") @RequestParam(required = false) String ownerUsername,
            @Parameter(
                            description = "Evaluated status, comma-separated or repeated (contracts not evaluated"
                                    + " yet never match)",
                            array = @ArraySchema(schema = @Schema(implementation = ComplianceStatus.class)))
                    @RequestParam(required = false)
                    List<String> status,
            @Parameter(description = "Earliest registration in the chain ends within this many days (0 = today)")
                    @RequestParam(required = false)
                    Integer expiringWithinDays,
            @Parameter(description = "Only contracts without an evaluation yet") @RequestParam(defaultValue = "false")
                    boolean notEvaluated,
            @Parameter(description = "Only contracts past their end date") @RequestParam(defaultValue = "false")
                    boolean ended,
            @Parameter(description = "Only contracts whose registrations end before the contract does")
                    @RequestParam(defaultValue = "false")
                    boolean coverageShort,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        if (expiringWithinDays != null && expiringWithinDays < 0) {
            throw new ApiBadRequestException(
                    "expiringWithinDays", "api.param.range", String.valueOf(expiringWithinDays), "0", "36500");
        }
        ContractFilter filter = new ContractFilter(
                q,
                orgUnitCode == null ? null : unitId(orgUnitCode, "orgUnitCode"),
                requiredLevel,
                ownerUsername == null ? null : ownerId(ownerUsername),
                null,
                ApiParameters.setOf("status", status, ComplianceStatus.class),
                expiringWithinDays == null ? null : ExpiryWindow.within(expiringWithinDays),
                notEvaluated,
                ended,
                coverageShort);
        return page.answer(request, contracts.list(filter, null, page.offset(), page.limit()), contracts.count(filter));
    }

    @GetMapping("/{contractNumber}")
    @Operation(summary = "A contract; its ETag is its version (send it back in If-Match to update)")
    ResponseEntity<ContractDetails> read(@PathVariable String contractNumber) {
        ContractDetails contract = get(contractNumber);
        return ApiVersions.ok(contract, contract.version());
    }

    private ContractDetails get(String contractNumber) {
        return contracts
                .findByNumber(contractNumber)
                .orElseThrow(() -> new NotFoundException(ContractService.AUDIT_TYPE, contractNumber));
    }

    @PostMapping
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(
            summary = "Creates a contract",
            description = "201 with the contract. A requiredLevel below the decision chart's suggestion is not"
                    + " applied at once (issue 20): the contract is created with the suggested level and"
                    + " pendingLevelDecision names the request a second risk manager approves.")
    ResponseEntity<ContractDetails> create(@RequestBody ContractRequest request) {
        contracts.create(form(request));
        ContractDetails created = get(request.contractNumber().strip());
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + created.contractNumber()))
                .body(created);
    }

    @PutMapping("/{contractNumber}")
    @Operation(
            summary = "Replaces a contract",
            description = "Send If-Match with the ETag read (412 when someone changed it since) or version in the"
                    + " body (409 STALE_VERSION when stale). 200 with the contract when everything applies; 202"
                    + " ACCEPTED when the new requiredLevel is below the decision chart's suggestion (issue 20):"
                    + " the other fields are saved, the contract keeps the suggested level, and"
                    + " pendingLevelDecision names the request a second risk manager approves.")
    ResponseEntity<ContractDetails> update(
            @PathVariable String contractNumber,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody ContractRequest request) {
        ContractDetails existing = get(contractNumber);
        int version = ApiVersions.expected(ifMatch, request.version(), existing.version());
        boolean pending =
                contracts.update(existing.id(), version, form(request)).isPresent();
        ContractDetails updated = contracts.find(existing.id()).orElseThrow();
        if (pending) {
            return ResponseEntity.accepted()
                    .eTag(ApiVersions.etag(updated.version()))
                    .body(updated);
        }
        return ApiVersions.ok(updated, updated.version());
    }

    @DeleteMapping("/{contractNumber}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String contractNumber, @RequestParam int version) {
        contracts.delete(get(contractNumber).id(), version);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{contractNumber}/subcontractors")
    @Operation(
            summary = "The contract's sub-contractor chain, parents before children, with each link's level",
            description = "Each link carries the decision chart's three answers (confidentialDataFlows,"
                    + " businessCritical, systemAccess: true = yes, false = no, null = not answered), the"
                    + " required level, and raisedBy: the answers that raised it to the contract's level under"
                    + " the default policy (a not-answered answer raises nothing)")
    List<ChainLink> chain(@PathVariable String contractNumber) {
        return chains.chain(get(contractNumber).id());
    }

    @PostMapping("/{contractNumber}/subcontractors")
    @Operation(summary = "Adds a sub-contractor link with the decision chart's three answers")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<ChainLink> addLink(@PathVariable String contractNumber, @RequestBody LinkRequest request) {
        ContractDetails contract = get(contractNumber);
        Long parent = supplierId(
                request.parentSupplierId(), request.parentSupplierCode(), request.parentCorporateNumber(), "parent");
        long id = chains.addLink(
                contract.id(),
                new LinkForm(
                        parent == null ? contract.supplierId() : parent,
                        supplierId(
                                request.childSupplierId(),
                                request.childSupplierCode(),
                                request.childCorporateNumber(),
                                "child"),
                        request.confidentialDataFlows(),
                        request.systemAccess(),
                        request.businessCritical(),
                        request.requiredLevel(),
                        request.note()));
        ChainLink link = chains.chain(contract.id()).stream()
                .filter(l -> l.id() == id)
                .findFirst()
                .orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/contracts/" + contractNumber + "/subcontractors/" + id))
                .body(link);
    }

    @PutMapping("/{contractNumber}/subcontractors/{linkId}")
    @Operation(
            summary = "Replaces a link's three chart answers, explicit level and note",
            description = "The parent and child stay as they are. An answer left out or null becomes not answered"
                    + " (it is not kept): send all three answers.")
    ChainLink updateLink(
            @PathVariable String contractNumber,
            @PathVariable long linkId,
            @RequestParam int version,
            @RequestBody LinkRequest request) {
        long contractId = get(contractNumber).id();
        chains.updateLink(
                contractId,
                linkId,
                version,
                new LinkForm(
                        null,
                        null,
                        request.confidentialDataFlows(),
                        request.systemAccess(),
                        request.businessCritical(),
                        request.requiredLevel(),
                        request.note()));
        return chains.chain(contractId).stream()
                .filter(l -> l.id() == linkId)
                .findFirst()
                .orElseThrow();
    }

    @DeleteMapping("/{contractNumber}/subcontractors/{linkId}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeLink(
            @PathVariable String contractNumber, @PathVariable long linkId, @RequestParam int version) {
        chains.removeLink(get(contractNumber).id(), linkId, version);
        return ResponseEntity.noContent().build();
    }

    private ContractForm form(ContractRequest r) {
        Long supplierId = supplierId(r.supplierId(), r.supplierCode(), r.supplierCorporateNumber(), "supplier");
        Long unitId = r.orgUnitCode() == null ? null : unitId(r.orgUnitCode(), "orgUnitCode");
        Long ownerId = r.ownerUsername() == null ? null : ownerId(r.ownerUsername());
        return new ContractForm(
                r.contractNumber(),
                r.title(),
                supplierId,
                unitId,
                ownerId,
                r.startDate(),
                r.endDate(),
                new DecisionChart(r.handlesConfidential(), r.businessCritical(), r.networkAccess()),
                r.requiredLevel(),
                r.levelReason());
    }

    private Long ownerId(String username) {
        return users.findByUsername(username)
                .map(UserSummary::id)
                .orElseThrow(() -> new ValidationException(FieldProblem.of("ownerUsername", "api.unknownUser")));
    }

    private Long unitId(String code, String field) {
        return orgUnits.all().stream()
                .filter(unit -> unit.code().equals(code))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow(() -> new ValidationException(FieldProblem.of(field, "api.unknownUnit", code)));
    }

    private Long supplierId(Long id, String code, String corporateNumber, String field) {
        if (id != null) {
            return id;
        }
        if (code != null) {
            return suppliers
                    .findByCode(code)
                    .map(SupplierDetails::id)
                    .orElseThrow(() -> new ValidationException(FieldProblem.of(field, "api.unknownSupplier", code)));
        }
        if (corporateNumber != null) {
            return suppliers
                    .findByCorporateNumber(corporateNumber)
                    .map(SupplierDetails::id)
                    .orElseThrow(() ->
                            new ValidationException(FieldProblem.of(field, "api.unknownSupplier", corporateNumber)));
        }
        return null;
    }
}
