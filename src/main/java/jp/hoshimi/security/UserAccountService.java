package jp.hoshimi.security;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.security.internal.UserRepository;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts. Only administrators manage them; see {@link SystemAuthentication} for start-up tasks. */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class UserAccountService {

    /** Shorter passwords are refused for every account created here. */
    public static final int MINIMUM_PASSWORD_LENGTH = PasswordPolicy.MINIMUM_LENGTH;

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final SecurityContextHolderStrategy contexts;
    private final PasswordPolicy policy;

    UserAccountService(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            Clock clock,
            SecurityContextHolderStrategy contexts,
            PasswordPolicy policy) {
        this.contexts = contexts;
        this.policy = policy;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Transactional
    public long create(NewUser user) {
        if (user.username() == null || user.username().isBlank()) {
            throw new IllegalArgumentException("A user name is required");
        }
        if (user.roles() == null || user.roles().isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        if (!policy.check(user.username(), user.rawPassword(), "password").isEmpty()) {
            throw new IllegalArgumentException("The password does not meet the password policy (PasswordPolicy)");
        }
        if (users.existsByUsername(user.username())) {
            throw new IllegalArgumentException("A user named '" + user.username() + "' already exists");
        }
        String hash = passwordEncoder.encode(user.rawPassword());
        return users.insert(user, hash, LocalDateTime.now(clock));
    }

    /** Active users, for owner pickers. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public List<UserSummary> activeUsers() {
        return users.activeUsers();
    }

    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(u -> new UserSummary(u.id(), u.username(), u.displayName()));
    }

    /** The signed-in user's own mail address, if they have one. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Optional<String> ownEmail() {
        Authentication authentication = contexts.getContext().getAuthentication();
        return authentication == null ? Optional.empty() : users.emailOf(authentication.getName());
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    @Transactional(readOnly = true)
    public boolean hasAdministrator() {
        return users.existsWithRole(Role.ADMIN);
    }
}
