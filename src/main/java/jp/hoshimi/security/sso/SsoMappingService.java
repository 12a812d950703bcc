package jp.hoshimi.security.sso;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.security.sso.internal.SsoRepository;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which provider groups give which role and unit: edited by administrators, every change audited. */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class SsoMappingService {

    public static final String ROLE_AUDIT_TYPE = "sso_role_mapping";
    public static final String UNIT_AUDIT_TYPE = "sso_unit_mapping";
    private static final int MAX_CLAIM_VALUE = 255;

    private final SsoRepository repository;
    private final AuditTrail audit;
    private final SystemAuthentication actor;
    private final Clock clock;

    SsoMappingService(SsoRepository repository, AuditTrail audit, SystemAuthentication actor, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.actor = actor;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoleMapping> roleMappings() {
        return repository.roleMappings();
    }

    @Transactional(readOnly = true)
    public List<UnitMapping> unitMappings() {
        return repository.unitMappings();
    }

    @Transactional
    public long addRoleMapping(String claimValue, Role role) {
        String value = checkedClaimValue(claimValue);
        if (role == null) {
            throw new ValidationException(FieldProblem.of("role", "validation.required"));
        }
        if (repository.roleMappingExists(value, role)) {
            throw new ValidationException(FieldProblem.of("claimValue", "sso.mapping.duplicate", value));
        }
        long id = repository.insertRoleMapping(value, role, actor.currentActor(), LocalDateTime.now(clock));
        audit.record(ROLE_AUDIT_TYPE, id, AuditAction.CREATE, null, new RoleMapping(id, value, role));
        return id;
    }

    @Transactional
    public long addUnitMapping(String claimValue, Long orgUnitId) {
        String value = checkedClaimValue(claimValue);
        if (orgUnitId == null) {
            throw new ValidationException(FieldProblem.of("orgUnitId", "validation.required"));
        }
        if (repository.unitMappingExists(value, orgUnitId)) {
            throw new ValidationException(FieldProblem.of("claimValue", "sso.mapping.duplicate", value));
        }
        long id = repository.insertUnitMapping(value, orgUnitId, actor.currentActor(), LocalDateTime.now(clock));
        audit.record(
                UNIT_AUDIT_TYPE,
                id,
                AuditAction.CREATE,
                null,
                repository.findUnitMapping(id).orElseThrow());
        return id;
    }

    @Transactional
    public void removeRoleMapping(long id) {
        RoleMapping before =
                repository.findRoleMapping(id).orElseThrow(() -> new NotFoundException(ROLE_AUDIT_TYPE, id));
        repository.deleteRoleMapping(id);
        audit.record(ROLE_AUDIT_TYPE, id, AuditAction.DELETE, before, null);
    }

    @Transactional
    public void removeUnitMapping(long id) {
        UnitMapping before =
                repository.findUnitMapping(id).orElseThrow(() -> new NotFoundException(UNIT_AUDIT_TYPE, id));
        repository.deleteUnitMapping(id);
        audit.record(UNIT_AUDIT_TYPE, id, AuditAction.DELETE, before, null);
    }

    private static String checkedClaimValue(String claimValue) {
        if (claimValue == null || claimValue.isBlank()) {
            throw new ValidationException(FieldProblem.of("claimValue", "validation.required"));
        }
        String value = claimValue.strip();
        if (value.length() > MAX_CLAIM_VALUE) {
            throw new ValidationException(FieldProblem.of("claimValue", "validation.tooLong", MAX_CLAIM_VALUE));
        }
        return value;
    }
}
