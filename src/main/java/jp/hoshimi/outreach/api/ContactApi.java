package jp.hoshimi.outreach.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.SupplierContact;
import jp.hoshimi.shared.NotFoundException;
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

/** A supplier's contacts over REST (issue 19). Validation and role checks are the service's. */
@RestController
@RequestMapping("/api/v1/suppliers/{supplierId}/contacts")
@Tag(name = "Supplier contacts", description = "The people to write to at a supplier")
class ContactApi {

    /** A contact to save; {@code version} is required for updates. */
    record ContactRequest(
            String name, String department, String email, String phone, Boolean primary, Integer version) {
        ContactForm form() {
            return new ContactForm(name, department, email, phone, Boolean.TRUE.equals(primary));
        }
    }

    private final ContactService contacts;

    ContactApi(ContactService contacts) {
        this.contacts = contacts;
    }

    @GetMapping
    @Operation(summary = "A supplier's contacts, the primary one first")
    List<SupplierContact> list(@PathVariable long supplierId) {
        return contacts.contacts(supplierId);
    }

    @GetMapping("/{id}")
    SupplierContact get(@PathVariable long supplierId, @PathVariable long id) {
        return contacts.contacts(supplierId).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException(ContactService.AUDIT_TYPE, id));
    }

    @PostMapping
    ResponseEntity<SupplierContact> create(@PathVariable long supplierId, @RequestBody ContactRequest request) {
        long id = contacts.add(supplierId, request.form());
        return ResponseEntity.created(URI.create("/api/v1/suppliers/" + supplierId + "/contacts/" + id))
                .body(get(supplierId, id));
    }

    @PutMapping("/{id}")
    SupplierContact update(@PathVariable long supplierId, @PathVariable long id, @RequestBody ContactRequest request) {
        if (request.version() == null) {
            throw new IllegalArgumentException("version is required for an update");
        }
        contacts.update(supplierId, id, request.version(), request.form());
        return get(supplierId, id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long supplierId, @PathVariable long id, @RequestParam int version) {
        contacts.delete(supplierId, id, version);
        return ResponseEntity.noContent().build();
    }
}
