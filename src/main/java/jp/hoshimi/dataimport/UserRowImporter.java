package jp.hoshimi.dataimport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.UserAccount;
import jp.hoshimi.security.UserAdminService;
import jp.hoshimi.security.UserForm;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;

/**
 * Users (administrators only): upsert by user name. Roles and units are lists ("調達担当, 監査担当";
 * unit codes or names). A new user gets no usable password: an administrator resets it on the user screen
 * to hand out a one-time password (docs/decisions/0024-user-administration-password-policy.md). Existing users keep their
 * password and state; blank cells keep stored values.
 */
final class UserRowImporter extends RowImporter {

    private static final List<ImportField> KEY_FIELDS = List.of(
            ImportField.USER_USERNAME, ImportField.USER_DISPLAY_NAME, ImportField.USER_ROLES, ImportField.USER_UNITS);
    private static final Map<String, Role> ROLE_NAMES = roleNames();

    private final UserAdminService users;
    private final Map<String, OrgUnit> unitsByName = new HashMap<>();
    private final Map<Long, OrgUnit> unitsById = new HashMap<>();

    UserRowImporter(UserAdminService users, OrgUnitService orgUnits) {
        this.users = users;
        for (OrgUnit unit : orgUnits.all()) {
            unitsByName.put(HeaderMatcher.normalise(unit.code()), unit);
            unitsByName.putIfAbsent(HeaderMatcher.normalise(unit.name()), unit);
            unitsById.put(unit.id(), unit);
        }
    }

    private static Map<String, Role> roleNames() {
        Map<String, Role> names = new HashMap<>();
        for (Role role : Role.values()) {
            names.put(HeaderMatcher.normalise(role.name()), role);
        }
        List.of("調達担当", "調達", "procurement", "procurement staff")
                .forEach(n -> names.put(HeaderMatcher.normalise(n), Role.PROCUREMENT));
        List.of("リスク管理者", "リスク管理", "risk manager", "risk")
                .forEach(n -> names.put(HeaderMatcher.normalise(n), Role.RISK_MANAGER));
        List.of("管理者", "システム管理者", "administrator", "admin")
                .forEach(n -> names.put(HeaderMatcher.normalise(n), Role.ADMIN));
        List.of("監査担当", "監査", "auditor").forEach(n -> names.put(HeaderMatcher.normalise(n), Role.AUDITOR));
        return names;
    }

    @Override
    ImportRowResult importRow(RowValues row) {
        return showingKeyFields(row, KEY_FIELDS, this::decide);
    }

    private ImportRowResult decide(RowValues row, Map<ImportField, Object> shown) {
        String username = row.text(ImportField.USER_USERNAME);
        String key = username == null ? "#" + row.rowNumber() : username;
        List<FieldProblem> problems = new ArrayList<>(row.problems());
        Set<Role> roles = roles(row.text(ImportField.USER_ROLES), problems);
        Set<Long> units = units(row.text(ImportField.USER_UNITS), problems);
        if (!problems.isEmpty()) {
            return ImportRowResult.error(row.rowNumber(), key, problems);
        }
        UserForm fromFile = new UserForm(
                username,
                row.text(ImportField.USER_DISPLAY_NAME),
                row.text(ImportField.USER_EMAIL),
                roles,
                units,
                false);
        ImportRowResult repeated = repeated(
                row,
                key,
                Arrays.asList(username, fromFile.displayName(), fromFile.email(), sorted(roles), sorted(units)));
        if (repeated != null) {
            return repeated;
        }
        try {
            Optional<UserAccount> existing = users.findByUsername(username);
            ImportRowResult result = existing.isEmpty()
                    ? new ImportRowResult(
                            row.rowNumber(),
                            RowOutcome.NEW,
                            key,
                            users.createWithoutPassword(fromFile),
                            List.of(),
                            List.of())
                    : update(row, key, existing.get(), fromFile);
            shown.put(
                    ImportField.USER_ROLES,
                    roleNamesOf(
                            roles.isEmpty() ? existing.map(UserAccount::roles).orElse(Set.of()) : roles));
            return result;
        } catch (ValidationException e) {
            return ImportRowResult.error(row.rowNumber(), key, e.problems());
        }
    }

    private ImportRowResult update(RowValues row, String key, UserAccount before, UserForm fromFile) {
        UserForm merged = new UserForm(
                before.username(),
                pick(fromFile.displayName(), before.displayName()),
                pick(fromFile.email(), before.email()),
                fromFile.roles().isEmpty() ? before.roles() : fromFile.roles(),
                fromFile.unitIds().isEmpty() ? before.unitIds() : fromFile.unitIds(),
                before.groupWide());
        List<FieldChange> changes = newList();
        diff(changes, ImportField.USER_DISPLAY_NAME, before.displayName(), merged.displayName());
        diff(changes, ImportField.USER_EMAIL, before.email(), merged.email());
        diff(changes, ImportField.USER_ROLES, roleNamesOf(before.roles()), roleNamesOf(merged.roles()));
        diff(changes, ImportField.USER_UNITS, unitNamesOf(before.unitIds()), unitNamesOf(merged.unitIds()));
        if (changes.isEmpty()) {
            return new ImportRowResult(row.rowNumber(), RowOutcome.UNCHANGED, key, before.id(), List.of(), List.of());
        }
        users.update(before.id(), before.version(), merged);
        return new ImportRowResult(row.rowNumber(), RowOutcome.CHANGED, key, before.id(), changes, List.of());
    }

    private Set<Role> roles(String text, List<FieldProblem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : parts(text)) {
            Role role = ROLE_NAMES.get(HeaderMatcher.normalise(part));
            if (role == null) {
                problems.add(FieldProblem.of("roles", "import.value.roleUnknown", part));
            } else {
                roles.add(role);
            }
        }
        return roles;
    }

    private Set<Long> units(String text, List<FieldProblem> problems) {
        Set<Long> units = new HashSet<>();
        for (String part : parts(text)) {
            OrgUnit unit = unitsByName.get(HeaderMatcher.normalise(part));
            if (unit == null) {
                problems.add(FieldProblem.of("unitIds", "import.value.unitUnknown", part));
            } else {
                units.add(unit.id());
            }
        }
        return units;
    }

    private static List<String> parts(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,、，;；/／\\n]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }

    private static String roleNamesOf(Set<Role> roles) {
        return roles.stream()
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private String unitNamesOf(Set<Long> unitIds) {
        return unitIds.stream()
                .map(id -> unitsById.containsKey(id) ? unitsById.get(id).code() : "#" + id)
                .sorted()
                .collect(Collectors.joining(", "));
    }
}
