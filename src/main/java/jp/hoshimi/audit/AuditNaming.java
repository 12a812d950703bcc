package jp.hoshimi.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.audit.internal.AuditRepository;
import jp.hoshimi.audit.internal.AuditRepository.Referenced;

/**
 * Puts names where the audit trail recorded ids: each entry's subject (a supplier's name, a contract
 * number, a user's name) and the values of id fields such as {@code parentSupplierId}. One lookup per
 * kind of record per page of entries; a record deleted since keeps its id ("#12").
 */
final class AuditNaming {

    /** Fields whose values are ids of another record. */
    private static final Map<String, Referenced> ID_FIELDS = Map.of(
            "supplierId", Referenced.SUPPLIER,
            "parentSupplierId", Referenced.SUPPLIER,
            "childSupplierId", Referenced.SUPPLIER,
            "orgUnitId", Referenced.ORG_UNIT,
            "ownerUserId", Referenced.USER,
            "userId", Referenced.USER);

    /** The kind of record an entity id refers to where the entry's own state does not name it. */
    private static final Map<String, Referenced> SUBJECT_IDS = Map.of(
            "supplier", Referenced.SUPPLIER,
            "org_unit", Referenced.ORG_UNIT,
            "alert_preference", Referenced.USER,
            "membership", Referenced.USER,
            "user", Referenced.USER);

    private final AuditRepository repository;
    private final Map<Referenced, Set<Long>> wanted = new EnumMap<>(Referenced.class);
    private final Map<Referenced, Map<Long, String>> names = new EnumMap<>(Referenced.class);

    private AuditNaming(AuditRepository repository) {
        this.repository = repository;
        for (Referenced kind : Referenced.values()) {
            wanted.put(kind, new HashSet<>());
        }
    }

    static List<AuditEntry> name(AuditRepository repository, List<AuditEntry> entries) {
        AuditNaming naming = new AuditNaming(repository);
        entries.forEach(naming::collect);
        naming.lookUp();
        return entries.stream().map(naming::named).toList();
    }

    private void collect(AuditEntry entry) {
        Referenced subjectKind = SUBJECT_IDS.get(entry.entityType());
        if (subjectKind != null) {
            idOf(entry.entityId()).ifPresent(wanted.get(subjectKind)::add);
        }
        Map<String, String> state = state(entry);
        if (entry.entityType().equals("org_unit")) {
            idOf(state.get("parentId")).ifPresent(wanted.get(Referenced.ORG_UNIT)::add);
        }
        for (AuditChange change : entry.changes()) {
            Referenced kind = kindOf(entry, change.field());
            if (kind != null) {
                idOf(change.before()).ifPresent(wanted.get(kind)::add);
                idOf(change.after()).ifPresent(wanted.get(kind)::add);
            }
        }
        idOf(state.get("childSupplierId")).ifPresent(wanted.get(Referenced.SUPPLIER)::add);
    }

    private void lookUp() {
        wanted.forEach((kind, ids) -> names.put(kind, repository.names(kind, ids)));
    }

    private AuditEntry named(AuditEntry entry) {
        List<AuditChange> changes = new ArrayList<>();
        for (AuditChange change : entry.changes()) {
            Referenced kind = kindOf(entry, change.field());
            changes.add(
                    kind == null ? change : change.withValues(name(kind, change.before()), name(kind, change.after())));
        }
        return entry.named(subject(entry), changes);
    }

    private String subject(AuditEntry entry) {
        Map<String, String> state = state(entry);
        return switch (entry.entityType()) {
            case "contract" -> state.get("contractNumber");
            case "subcontracting_link" ->
                join(state.get("contract"), name(Referenced.SUPPLIER, state.get("childSupplierId")));
            case "supplier", "org_unit" ->
                state.getOrDefault("name", name(SUBJECT_IDS.get(entry.entityType()), entry.entityId()));
            case "alert_preference", "membership", "user" -> name(Referenced.USER, entry.entityId());
            default -> null;
        };
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + " / " + second;
    }

    private static Referenced kindOf(AuditEntry entry, String field) {
        if (field.equals("parentId") && entry.entityType().equals("org_unit")) {
            return Referenced.ORG_UNIT;
        }
        return ID_FIELDS.get(field);
    }

    /** The record's state after the change, or before it when it was deleted. */
    private static Map<String, String> state(AuditEntry entry) {
        Map<String, String> state = AuditChange.flatten(entry.beforeJson());
        state.putAll(AuditChange.flatten(entry.afterJson()));
        state.values().removeIf(java.util.Objects::isNull);
        return state;
    }

    private String name(Referenced kind, String id) {
        return idOf(id).map(value -> names.getOrDefault(kind, Map.of()).getOrDefault(value, "#" + value))
                .orElse(id);
    }

    private static java.util.Optional<Long> idOf(String value) {
        if (value == null || value.isBlank() || !value.chars().allMatch(Character::isDigit)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Long.valueOf(value));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
