package jp.hoshimi.supplier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;

/**
 * One row of the supplier list: only what the grid shows. {@code status} is the supplier's own evaluated
 * status (its registration against the highest level any link requires of it; never a failure of someone
 * else in its chains), null when it has not been evaluated. {@code heldLevel}, {@code validUntil} and
 * {@code registeredName} are its register entry (★, else SECURITY ACTION), null when it has none.
 */
public record SupplierListItem(
        long id,
        String corporateNumber,
        String supplierCode,
        String name,
        String nameKana,
        String country,
        LocalDateTime updatedAt,
        ComplianceStatus status,
        StarLevel heldLevel,
        LocalDate validUntil,
        String registeredName) {}
