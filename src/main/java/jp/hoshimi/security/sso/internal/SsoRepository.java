package jp.hoshimi.security.sso.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.security.sso.LinkedAccount;
import jp.hoshimi.security.sso.RoleMapping;
import jp.hoshimi.security.sso.UnitMapping;
import jp.hoshimi.shared.identity.Role;

/** Accounts linked to the provider, and the claim value → role / unit mappings. */
public interface SsoRepository {

    Optional<LinkedAccount> findLinked(String provider, String subject);

    boolean usernameTaken(String username);

    long insertLinked(
            String provider, String subject, String username, String displayName, String email, LocalDateTime now);

    void updateAccount(LinkedAccount account, LocalDateTime now);

    List<RoleMapping> roleMappings();

    List<UnitMapping> unitMappings();

    Set<Role> rolesFor(Collection<String> claimValues);

    Set<Long> unitsFor(Collection<String> claimValues);

    Optional<RoleMapping> findRoleMapping(long id);

    Optional<UnitMapping> findUnitMapping(long id);

    boolean roleMappingExists(String claimValue, Role role);

    boolean unitMappingExists(String claimValue, long orgUnitId);

    long insertRoleMapping(String claimValue, Role role, String createdBy, LocalDateTime now);

    long insertUnitMapping(String claimValue, long orgUnitId, String createdBy, LocalDateTime now);

    void deleteRoleMapping(long id);

    void deleteUnitMapping(long id);
}
