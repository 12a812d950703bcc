package jp.hoshimi.legalentity;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.internal.SupplierMatchRepository;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.CompanyNames;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierService;
import jp.hoshimi.supplier.SupplierService.NumberAssignment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the NTA data to work on the supplier master: the suppliers without 法人番号 in a user's scope with
 * their best candidates, accepting confirmed candidates in bulk, and replacing a merged company's number by
 * its successor's. Every write goes through {@link SupplierService} (versions, audit, re-evaluation); a
 * supplier outside the user's scope is "not found" (docs/decisions/0041-legal-entity-matching.md).
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class LegalEntityMatchService {

    /** Largest page of the bulk screen (each row looks up its best candidate: one indexed query each). */
    public static final int MAX_PAGE_SIZE = 200;

    /** Most acceptances in one bulk step. */
    public static final int MAX_ACCEPT = 1000;

    private final SupplierMatchRepository suppliersInScope;
    private final LegalEntityRepository entities;
    private final SupplierService suppliers;
    private final OrgUnitService orgUnits;
    private final RegisterService register;

    LegalEntityMatchService(
            SupplierMatchRepository suppliersInScope,
            LegalEntityRepository entities,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            RegisterService register) {
        this.suppliersInScope = suppliersInScope;
        this.entities = entities;
        this.suppliers = suppliers;
        this.orgUnits = orgUnits;
        this.register = register;
    }

    /** A confirmed candidate: set {@code corporateNumber} on the supplier read at {@code version}. */
    public record Acceptance(long supplierId, int version, String corporateNumber) {}

    /**
     * What replacing a merged supplier's number by its successor's means: the closed entity, the successor
     * (null when the NTA data holds no row for it), the successor's register entries (its ★ registration
     * follows the supplier), and the supplier that already holds the successor's number, if one does (then
     * the replacement is refused: one master record per company).
     */
    public record SuccessorOffer(
            SupplierDetails supplier,
            LegalEntity merged,
            LegalEntity successor,
            List<RegisterEntry> successorRegister,
            SupplierDetails holder) {

        public boolean possible() {
            return successor != null && holder == null;
        }
    }

    @Transactional(readOnly = true)
    public List<UnnumberedSupplier> unnumbered(int offset, int limit) {
        List<UnnumberedSupplier> page = suppliersInScope.unnumbered(
                orgUnits.currentScope(), Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
        List<UnnumberedSupplier> withBest = new ArrayList<>(page.size());
        for (UnnumberedSupplier s : page) {
            String normalized = CompanyNames.normalize(s.name());
            String kana =
                    s.nameKana() == null || s.nameKana().isBlank() ? null : CompanyNames.sortKey(null, s.nameKana());
            List<LegalEntityCandidate> best =
                    normalized.isEmpty() ? List.of() : entities.candidates(normalized, kana, s.address(), 0, 1);
            withBest.add(s.withBest(best.isEmpty() ? null : best.get(0)));
        }
        return withBest;
    }

    @Transactional(readOnly = true)
    public int countUnnumbered() {
        return suppliersInScope.countUnnumbered(orgUnits.currentScope());
    }

    /**
     * Sets the confirmed numbers, all or nothing: every supplier must be in scope, every number a stored
     * corporation. @return how many suppliers changed
     */
    @Transactional
    public int accept(List<Acceptance> acceptances) {
        if (acceptances.isEmpty()) {
            return 0;
        }
        if (acceptances.size() > MAX_ACCEPT) {
            throw new IllegalArgumentException("at most " + MAX_ACCEPT + " suppliers at once");
        }
        DataScope scope = orgUnits.currentScope();
        Set<Long> visible = suppliersInScope.inScope(
                scope, acceptances.stream().map(Acceptance::supplierId).toList());
        for (Acceptance a : acceptances) {
            if (!visible.contains(a.supplierId())) {
                throw new NotFoundException("supplier", a.supplierId());
            }
        }
        Set<String> known = suppliersInScope.knownEntities(
                acceptances.stream().map(Acceptance::corporateNumber).toList());
        for (Acceptance a : acceptances) {
            if (!known.contains(a.corporateNumber())) {
                throw new NotFoundException("legalEntity", a.corporateNumber());
            }
        }
        return suppliers.assignCorporateNumbers(acceptances.stream()
                .map(a -> new NumberAssignment(a.supplierId(), a.version(), a.corporateNumber()))
                .toList());
    }

    /** The offer to replace the supplier's number by its successor's; empty when its company was not merged. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME})
    public java.util.Optional<SuccessorOffer> successorOffer(long supplierId) {
        SupplierDetails supplier = inScope(supplierId);
        if (supplier.corporateNumber() == null) {
            return java.util.Optional.empty();
        }
        LegalEntity merged = entities.entity(supplier.corporateNumber()).orElse(null);
        if (merged == null || !merged.isMerged() || merged.successorCorporateNumber() == null) {
            return java.util.Optional.empty();
        }
        String successorNumber = merged.successorCorporateNumber();
        return java.util.Optional.of(new SuccessorOffer(
                supplier,
                merged,
                entities.entity(successorNumber).orElse(null),
                register.entriesOf(successorNumber),
                suppliers.findByCorporateNumber(successorNumber).orElse(null)));
    }

    /**
     * Replaces the supplier's 法人番号 by its merged company's successor's (read at {@code version}); audited
     * and re-evaluated like any supplier change. @throws IllegalStateException when there is no successor
     * to take, or another supplier already holds its number
     */
    @Transactional
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME})
    public void replaceWithSuccessor(long supplierId, int version) {
        SuccessorOffer offer =
                successorOffer(supplierId).orElseThrow(() -> new IllegalStateException("legalEntity.successor.none"));
        if (!offer.possible()) {
            throw new IllegalStateException(
                    offer.holder() != null ? "legalEntity.successor.held" : "legalEntity.successor.unknown");
        }
        suppliers.assignCorporateNumbers(List.of(
                new NumberAssignment(supplierId, version, offer.successor().corporateNumber())));
    }

    private SupplierDetails inScope(long supplierId) {
        if (suppliersInScope
                .inScope(orgUnits.currentScope(), List.of(supplierId))
                .isEmpty()) {
            throw new NotFoundException("supplier", supplierId);
        }
        return suppliers.find(supplierId).orElseThrow(() -> new NotFoundException("supplier", supplierId));
    }
}
