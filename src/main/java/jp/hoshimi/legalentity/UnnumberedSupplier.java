package jp.hoshimi.legalentity;

/** A supplier without 法人番号 (read at {@code version}) and its best candidate from the NTA data, if any. */
public record UnnumberedSupplier(
        long id,
        int version,
        String supplierCode,
        String name,
        String nameKana,
        String address,
        LegalEntityCandidate best) {

    UnnumberedSupplier withBest(LegalEntityCandidate candidate) {
        return new UnnumberedSupplier(id, version, supplierCode, name, nameKana, address, candidate);
    }
}
