package jp.hoshimi.dataimport;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.shared.CorporateNumber;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;

/** Finds the supplier a cell names: a valid 法人番号, else a supplier code. Remembers what it found. */
final class SupplierRefs {

    private final SupplierService suppliers;
    private final Map<String, Optional<SupplierDetails>> found = new HashMap<>();

    SupplierRefs(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    Optional<SupplierDetails> findById(long id) {
        return suppliers.find(id);
    }

    Optional<SupplierDetails> find(String reference) {
        if (reference == null) {
            return Optional.empty();
        }
        return found.computeIfAbsent(
                reference.strip(),
                ref -> CorporateNumber.isValid(ref) ? suppliers.findByCorporateNumber(ref) : suppliers.findByCode(ref));
    }
}
