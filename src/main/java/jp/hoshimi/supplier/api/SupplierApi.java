package jp.hoshimi.supplier.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.api.ApiConflictException;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierInUseException;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
            summary = "Search suppliers by name, corporate number or code, or look one up by ?corporateNumber=",
            description = "Each row has the supplier's own status (its registration against the highest level any"
                    + " link requires of it), held level, valid until and registered name.")
    List<SupplierListItem> list(
            @RequestParam(required = false) String corporateNumber,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (corporateNumber != null) {
            // the list row, so the answer carries the same own status and register entry as a search
            return suppliers.findByCorporateNumber(corporateNumber).stream()
                    .flatMap(d -> suppliers.list(new SupplierFilter(d.corporateNumber()), null, 0, 10).stream()
                            .filter(item -> item.id() == d.id()))
                    .toList();
        }
        return suppliers.list(new SupplierFilter(q), null, offset, limit);
    }

    @GetMapping("/{id}")
    SupplierDetails get(@PathVariable long id) {
        return suppliers.find(id).orElseThrow(() -> new NotFoundException(SupplierService.AUDIT_TYPE, id));
    }

    @PostMapping
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    ResponseEntity<SupplierDetails> create(@RequestBody SupplierRequest request) {
        long id = suppliers.create(request.form());
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    SupplierDetails update(@PathVariable long id, @RequestBody SupplierRequest request) {
        if (request.version() == null) {
            throw new IllegalArgumentException("version is required for an update");
        }
        get(id);
        suppliers.update(id, request.version(), request.form());
        return get(id);
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
