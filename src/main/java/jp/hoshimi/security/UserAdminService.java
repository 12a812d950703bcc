package jp.hoshimi.security;

import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.security.internal.ApiTokenRepository;
import jp.hoshimi.security.internal.JooqUserAdminRepository;
import jp.hoshimi.security.internal.LiveSessions;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * User administration (管理 → ユーザー, the user import and the provisioning API): create, change roles and
 * units, reset a password, deactivate and reactivate. Every change is audited; at least one active
 * administrator always remains (guarded by a written lock row, so two concurrent changes cannot both pass, also
 * on different Galera nodes: docs/decisions/0042).
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class UserAdminService {

    public static final String AUDIT_TYPE = "user";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** No 0/O, 1/l/I: one-time passwords are read off a screen and typed. */
    private static final char[] OTP_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private static final SecureRandom RANDOM = new SecureRandom();
    private final JooqUserAdminRepository users;
    private final ApiTokenRepository tokens;
    private final LiveSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;

    UserAdminService(
            JooqUserAdminRepository users,
            ApiTokenRepository tokens,
            LiveSessions sessions,
            PasswordEncoder passwordEncoder,
            AuditTrail audit,
            SystemAuthentication system,
            Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
    }

    /** One page of users, filtered and sorted by name in SQL. */
    @Transactional(readOnly = true)
    public List<UserListItem> list(UserFilter filter, int offset, int limit) {
        return users.page(filter == null ? UserFilter.all() : filter, offset, limit);
    }

    @Transactional(readOnly = true)
    public int count(UserFilter filter) {
        return users.count(filter == null ? UserFilter.all() : filter);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(long id) {
        return users.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return username == null
                ? Optional.empty()
                : users.idOf(username.strip()).flatMap(users::find);
    }

    /** Contracts whose owner is deactivated, for handing them over. */
    @Transactional(readOnly = true)
    public List<HandoverContract> handover() {
        return users.handover();
    }

    /** Creates the user with a one-time password: show it to the administrator now, it is never shown again. */
    @Transactional
    public OneTimePassword create(UserForm form) {
        UserForm clean = validated(form, true);
        String password = generatePassword();
        long id = users.insert(clean, passwordEncoder.encode(password), LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, AuditState.of(clean, true));
        return new OneTimePassword(id, clean.username(), password);
    }

    /**
     * Creates the user with a random password that nobody sees: the user cannot sign in with a password until
     * an administrator resets it (used by the import, see docs/decisions/0024-user-administration-password-policy.md).
     */
    @Transactional
    public long createWithoutPassword(UserForm form) {
        return create(form).userId();
    }

    /** Changes name, e-mail, roles and units (the user name stays). */
    @Transactional
    public void update(long id, int version, UserForm form) {
        Set<Long> administrators = users.lockActiveAdministrators();
        UserAccount before = existing(id);
        UserForm clean = validated(
                new UserForm(
                        before.username(),
                        form.displayName(),
                        form.email(),
                        form.roles(),
                        form.unitIds(),
                        form.groupWide()),
                false);
        if (administrators.equals(Set.of(id)) && !clean.roles().contains(Role.ADMIN)) {
            throw new ValidationException(FieldProblem.of("roles", "user.lastAdministrator"));
        }
        if (!users.update(id, version, clean, LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_TYPE, id);
        }
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, AuditState.of(before), AuditState.of(clean, before.active()));
    }

    /** A new one-time password, shown once; the user must change it at the next sign-in. */
    @Transactional
    public OneTimePassword resetPassword(long id) {
        UserAccount user = existing(id);
        if (users.signInProvider(id).isPresent()) {
            // the provider holds this person's credentials: a local password would open a second way in
            throw new ValidationException(FieldProblem.of("", "user.resetPassword.singleSignOn"));
        }
        String password = generatePassword();
        users.setPassword(id, passwordEncoder.encode(password), true, LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, null, Map.of("passwordReset", true));
        afterCommit(() -> sessions.end(user.username(), null));
        return new OneTimePassword(id, user.username(), password);
    }

    /**
     * Deactivates the user: their sessions end at once and the API tokens they created are revoked; their
     * contracts keep them as owner (listed by {@link #handover()}). Answers how many tokens were revoked.
     */
    @Transactional
    public int deactivate(long id) {
        Set<Long> administrators = users.lockActiveAdministrators();
        UserAccount before = existing(id);
        if (!before.active()) {
            return 0;
        }
        if (before.username().equals(system.currentActor())) {
            throw new ValidationException(FieldProblem.of("", "user.deactivate.self"));
        }
        if (administrators.equals(Set.of(id))) {
            throw new ValidationException(FieldProblem.of("", "user.lastAdministrator"));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        users.deactivate(id, system.currentActor(), now);
        int revoked = tokens.revokeAllCreatedBy(before.username(), now);
        audit.record(
                AUDIT_TYPE,
                id,
                AuditAction.UPDATE,
                Map.of("active", true),
                Map.of("active", false, "revokedApiTokens", revoked));
        afterCommit(() -> sessions.end(before.username(), null));
        return revoked;
    }

    @Transactional
    public void reactivate(long id) {
        UserAccount before = existing(id);
        if (before.active()) {
            return;
        }
        users.reactivate(id, LocalDateTime.now(clock));
        audit.record(AUDIT_TYPE, id, AuditAction.UPDATE, Map.of("active", false), Map.of("active", true));
    }

    private UserAccount existing(long id) {
        return users.find(id).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
    }

    private UserForm validated(UserForm form, boolean creating) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = strip(form.username());
        if (creating) {
            if (username == null) {
                problems.add(FieldProblem.of("username", "validation.required"));
            } else if (!USERNAME.matcher(username).matches()) {
                problems.add(FieldProblem.of("username", "user.username.invalid"));
            } else if (users.idOf(username).isPresent()) {
                problems.add(FieldProblem.of("username", "user.username.taken", username));
            }
        }
        String displayName = strip(form.displayName());
        if (displayName == null) {
            problems.add(FieldProblem.of("displayName", "validation.required"));
        } else if (displayName.length() > 200) {
            problems.add(FieldProblem.of("displayName", "user.tooLong", 200));
        }
        String email = strip(form.email());
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())) {
            problems.add(FieldProblem.of("email", "validation.email"));
        }
        if (form.roles().isEmpty()) {
            problems.add(FieldProblem.of("roles", "user.roles.required"));
        }
        Set<Long> unknown = new HashSet<>(form.unitIds());
        unknown.removeAll(users.existingUnits(form.unitIds()));
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of(
                    "unitIds", "user.units.unknown", unknown.iterator().next()));
        }
        if (form.roles().equals(Set.of(Role.PROCUREMENT)) && form.unitIds().isEmpty()) {
            problems.add(FieldProblem.of("unitIds", "user.units.procurementNeedsUnit"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean groupWide = form.groupWide() && !form.roles().equals(Set.of(Role.PROCUREMENT));
        return new UserForm(username, displayName, email, form.roles(), form.unitIds(), groupWide);
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String generatePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(OTP_ALPHABET[RANDOM.nextInt(OTP_ALPHABET.length)]);
        }
        return password.toString();
    }

    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** What the audit trail keeps of a user (never a password). */
    record AuditState(
            String username,
            String displayName,
            String email,
            List<Role> roles,
            List<Long> unitIds,
            boolean groupWide,
            boolean active) {

        static AuditState of(UserForm form, boolean active) {
            return new AuditState(
                    form.username(),
                    form.displayName(),
                    form.email(),
                    form.roles().stream().sorted().toList(),
                    form.unitIds().stream().sorted().toList(),
                    form.groupWide(),
                    active);
        }

        static AuditState of(UserAccount user) {
            return of(
                    new UserForm(
                            user.username(),
                            user.displayName(),
                            user.email(),
                            user.roles(),
                            user.unitIds(),
                            user.groupWide()),
                    user.active());
        }
    }
}
