package jp.hoshimi.security.internal;

import java.time.LocalDateTime;
import java.util.Optional;
import jp.hoshimi.security.NewUser;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;

/** Storage of user accounts. */
public interface UserRepository {

    Optional<HoshimiUser> findByUsername(String username);

    boolean existsByUsername(String username);

    /** The user's mail address, if they have one. */
    Optional<String> emailOf(String username);

    boolean existsWithRole(Role role);

    long count();

    java.util.List<jp.hoshimi.security.UserSummary> activeUsers();

    long insert(NewUser user, String passwordHash, LocalDateTime now);
}
