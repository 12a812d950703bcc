package jp.hoshimi.supplier.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Set;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ResultCount;
import jp.hoshimi.shared.api.ApiConflictException;
import jp.hoshimi.shared.api.ApiPage;
import jp.hoshimi.shared.api.ApiParameters;
import jp.hoshimi.shared.api.ApiVersions;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierInUseException;
import jp.hoshimi.supplier.SupplierListItem;
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

/** The supplier master over REST. Validation and role checks are the service's, as in the UI. */
@RestController
@RequestMapping("/api/v1/suppliers")
@Tag(name = "Suppliers", description = "The supplier master shared by the corporate group")
class SupplierApi {

    /** A supplier to save; {@code version} is required for updates (optimistic locking). */
    record SupplierRequest(
            String corporateNumber,
            String supplierCode,
            String name,
            String nameKana,
            String country,
            String address,
            String contactName,
            String contactEmail,
            String notes,
            Integer version) {

        SupplierForm form() {
            return new SupplierForm(
                    corporateNumber, supplierCode, name, nameKana, country, address, contactName, contactEmail, notes);
        }
    }

    private final SupplierService suppliers;

    SupplierApi(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @GetMapping
    @Operation(
            summary = "Suppliers with the filters of the supplier list screen, or one by ?corporateNumber=",
            description = "Each row has the supplier's own status (its registration against the highest level any"
                    + " link requires of it), held level, valid until and registered name. corporateNumber is"
                    + " normalised (full-width digits, hyphens) and an invalid one is 422. Unknown parameters are"
                    + " refused (400).")
    ResponseEntity<List<SupplierListItem>> list(
            @Parameter(description = "法人番号, normalised; answers the supplier with that number")
                    @RequestParam(required = false)
                    String corporateNumber,
            @Parameter(description = "Name (normalised, kana), start of the 法人番号 or of the supplier code")
                    @RequestParam(required = false)
                    String q,
            @Parameter(description = "A one-click filter of the screen") @RequestParam(required = false)
                    SupplierFilter.Quick quick,
            @Parameter(
                            description = "The supplier's own status, comma-separated or repeated",
                            array = @ArraySchema(schema = @Schema(implementation = ComplianceStatus.class)))
                    @RequestParam(required = false)
                    List<String> status,
            @Parameter(description = ApiPage.OFFSET_DESCRIPTION) @RequestParam(defaultValue = "0") int offset,
            @Parameter(description = ApiPage.LIMIT_DESCRIPTION) @RequestParam(defaultValue = ApiPage.DEFAULT) int limit,
            HttpServletRequest request) {
        ApiPage page = ApiPage.of(offset, limit);
        Set<ComplianceStatus> statuses = ApiParameters.setOf("status", status, ComplianceStatus.class);
        if (corporateNumber != null) {
            String number = ApiParameters.corporateNumber("corporateNumber", corporateNumber);
            // the list row, so the answer carries the same own status and register entry as a search
            SupplierFilter filter = new SupplierFilter(number, quick, statuses);
            List<SupplierListItem> rows = suppliers.list(filter, null, 0, 10).stream()
                    .filter(item -> number.equals(item.corporateNumber()))
                    .toList();
            return page.answer(request, rows, ResultCount.exactly(rows.size()));
        }
        SupplierFilter filter = new SupplierFilter(q, quick, statuses);
        return page.answer(request, suppliers.list(filter, null, page.offset(), page.limit()), suppliers.count(filter));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A supplier; its ETag is its version (send it back in If-Match to update)")
    ResponseEntity<SupplierDetails> read(@PathVariable long id) {
        SupplierDetails supplier = get(id);
        return ApiVersions.ok(supplier, supplier.version());
    }

    private SupplierDetails get(long id) {
        return suppliers.find(id).orElseThrow(() -> new NotFoundException(SupplierService.AUDIT_TYPE, id));
    }

    @PostMapping
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<SupplierDetails> create(@RequestBody SupplierRequest request) {
        long id = suppliers.create(request.form());
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Replaces a supplier",
            description = "Send If-Match with the ETag read (412 when someone changed it since) or version in the"
                    + " body (409 STALE_VERSION when stale).")
    ResponseEntity<SupplierDetails> update(
            @PathVariable long id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody SupplierRequest request) {
        int version = ApiVersions.expected(ifMatch, request.version(), get(id).version());
        suppliers.update(id, version, request.form());
        return read(id);
    }

    @DeleteMapping("/{id}")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable long id, @RequestParam int version) {
        get(id);
        try {
            suppliers.delete(id, version);
        } catch (SupplierInUseException e) {
            throw new ApiConflictException("SUPPLIER_IN_USE", "supplier.delete.inUse", e.contracts(), e.links());
        }
        return ResponseEntity.noContent().build();
    }
}
