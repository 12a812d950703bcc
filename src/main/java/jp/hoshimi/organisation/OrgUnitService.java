package jp.hoshimi.organisation;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.organisation.internal.OrgUnitRepository;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.ApiTokenPrincipal;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The corporate group's organisation units and each user's data scope. */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class OrgUnitService {

    private final OrgUnitRepository units;
    public static final String AUDIT_TYPE = "org_unit";

    private final SecurityContextHolderStrategy contexts;
    private final AuditTrail audit;
    private final Clock clock;

    OrgUnitService(OrgUnitRepository units, SecurityContextHolderStrategy contexts, AuditTrail audit, Clock clock) {
        this.units = units;
        this.audit = audit;
        this.contexts = contexts;
        this.clock = clock;
    }

    /** Every unit of the group, for pickers and labels (unit names are not confidential within the group). */
    @Transactional(readOnly = true)
    public List<OrgUnit> all() {
        return units.all();
    }

    /** The units the current user may work in: the scope, as units (for pickers). */
    @Transactional(readOnly = true)
    public List<OrgUnit> unitsInScope() {
        DataScope scope = currentScope();
        return units.all().stream().filter(unit -> scope.includes(unit.id())).toList();
    }

    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public long create(String code, String name, Long parentId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (code == null || code.isBlank()) {
            problems.add(FieldProblem.of("code", "validation.required"));
        } else if (units.all().stream().anyMatch(unit -> unit.code().equals(code.strip()))) {
            problems.add(FieldProblem.of("code", "orgUnit.duplicateCode", code.strip()));
        }
        if (name == null || name.isBlank()) {
            problems.add(FieldProblem.of("name", "validation.required"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = units.insert(code.strip(), name.strip(), parentId, LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, new OrgUnit(id, parentId, code.strip(), name.strip()));
        return id;
    }

    /** The unit and every unit below it, for filters that include the units below the chosen one. */
    @Transactional(readOnly = true)
    public Set<Long> unitAndBelow(long unitId) {
        return withDescendants(Set.of(unitId));
    }

    /** Every user with their units, for administrators. */
    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_NAME)
    public List<Membership> memberships() {
        return units.memberships();
    }

    /** Makes a user a member of these units, replacing earlier memberships. */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public void assign(long userId, Set<Long> unitIds, boolean groupWide) {
        Membership before = units.memberships().stream()
                .filter(m -> m.userId() == userId)
                .findFirst()
                .orElse(null);
        units.replaceMemberships(userId, unitIds, groupWide);
        audit.record(
                "membership",
                userId,
                AuditAction.UPDATE,
                before,
                new Membership(
                        userId,
                        before == null ? null : before.username(),
                        before == null ? null : before.displayName(),
                        unitIds,
                        groupWide));
    }

    /**
     * The current user's scope. PROCUREMENT users only ever see their units and those below; the
     * system and API tokens without a user act group-wide; other roles are group-wide when so marked.
     */
    @Transactional(readOnly = true)
    public DataScope currentScope() {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication == null) {
            return DataScope.units(Set.of());
        }
        if (authentication.getPrincipal() instanceof ApiTokenPrincipal token) {
            if (token.orgUnitId() != null) {
                return DataScope.units(withDescendants(Set.of(token.orgUnitId())));
            }
            return token.role() == Role.PROCUREMENT ? DataScope.units(Set.of()) : DataScope.wholeGroup();
        }
        if (!(authentication.getPrincipal() instanceof HoshimiUser user)) {
            // the system itself, or an API token acting with a role
            return SystemAuthentication.SYSTEM_USERNAME.equals(authentication.getName())
                            || !isProcurementOnly(authentication)
                    ? DataScope.wholeGroup()
                    : DataScope.units(Set.of());
        }
        boolean mayBeGroupWide = user.roles().stream().anyMatch(role -> role != Role.PROCUREMENT);
        if (mayBeGroupWide && units.isGroupWide(user.id())) {
            return DataScope.wholeGroup();
        }
        return DataScope.units(withDescendants(units.memberships(user.id())));
    }

    private static boolean isProcurementOnly(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .allMatch(a -> a.getAuthority().equals(Role.PROCUREMENT.authority()));
    }

    private Set<Long> withDescendants(Set<Long> roots) {
        Map<Long, List<Long>> children = units.all().stream()
                .filter(unit -> unit.parentId() != null)
                .collect(
                        Collectors.groupingBy(OrgUnit::parentId, Collectors.mapping(OrgUnit::id, Collectors.toList())));
        Set<Long> result = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Long id = todo.pop();
            if (result.add(id)) {
                todo.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return result;
    }
}
