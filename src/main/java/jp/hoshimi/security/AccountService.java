package jp.hoshimi.security;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.security.internal.JooqUserAdminRepository;
import jp.hoshimi.security.internal.JooqUserAdminRepository.AccountState;
import jp.hoshimi.security.internal.LiveSessions;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The signed-in user's own account: password, language and sessions. */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class AccountService {

    private final JooqUserAdminRepository users;
    private final LiveSessions sessions;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy policy;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Clock clock;

    AccountService(
            JooqUserAdminRepository users,
            LiveSessions sessions,
            PasswordEncoder passwordEncoder,
            PasswordPolicy policy,
            CurrentUser currentUser,
            AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.passwordEncoder = passwordEncoder;
        this.policy = policy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the signed-in person must change a one-time password before anything else. */
    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return currentUser
                .get()
                .flatMap(u -> users.state(u.username()))
                .map(AccountState::mustChangePassword)
                .orElse(false);
    }

    /**
     * False when the signed-in person's account has been deactivated since they signed in. Accounts are never
     * deleted (deactivation is how they end), so a name not found is not a reason to sign out.
     */
    @Transactional(readOnly = true)
    public boolean stillActive() {
        return currentUser
                .get()
                .flatMap(u -> users.state(u.username()))
                .map(AccountState::active)
                .orElse(true);
    }

    /**
     * Changes the own password (current one, new one twice) and ends the user's other sessions; answers
     * how many were ended.
     */
    @Transactional
    public int changeOwnPassword(String current, String newPassword, String repeated, String currentSessionId) {
        HoshimiUser user = signedIn();
        String storedHash = users.passwordHash(user.id()).orElse("");
        List<FieldProblem> problems = new ArrayList<>();
        if (current == null || !passwordEncoder.matches(current, storedHash)) {
            problems.add(FieldProblem.of("current", "password.currentWrong"));
        }
        problems.addAll(policy.check(user.username(), newPassword, "newPassword"));
        if (newPassword != null && newPassword.equals(current)) {
            problems.add(FieldProblem.of("newPassword", "password.sameAsCurrent"));
        }
        if (newPassword != null && !newPassword.equals(repeated)) {
            problems.add(FieldProblem.of("repeated", "password.repeatDiffers"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        users.setPassword(user.id(), passwordEncoder.encode(newPassword), false, LocalDateTime.now(clock));
        audit.record(UserAdminService.AUDIT_TYPE, user.id(), AuditAction.UPDATE, null, Map.of("passwordChanged", true));
        return sessions.end(user.username(), currentSessionId);
    }

    /** The own language, also used for the user's alert mails. */
    @Transactional
    public void setOwnLanguage(Locale locale) {
        HoshimiUser user = signedIn();
        users.setLocale(user.id(), locale.toLanguageTag(), LocalDateTime.now(clock));
    }

    @Transactional(readOnly = true)
    public List<OwnSession> ownSessions(String currentSessionId) {
        return sessions.list(signedIn().username(), currentSessionId);
    }

    /** Ends every session of the signed-in user except this one; answers how many. */
    @Transactional(readOnly = true)
    public int signOutOtherSessions(String currentSessionId) {
        return sessions.end(signedIn().username(), currentSessionId);
    }

    private HoshimiUser signedIn() {
        return currentUser.get().orElseThrow(() -> new ValidationException(FieldProblem.of("", "account.personOnly")));
    }
}
