package jp.hoshimi.security.sso;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.internal.UserRepository;
import jp.hoshimi.security.sso.internal.SsoRepository;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Just-in-time accounts: at each sign-in through the provider, finds the account by (provider, subject),
 * creates it the first time, and sets its roles and units from the mapped claim values. Runs while the person
 * is being signed in, before anyone is authenticated, so it is a component called by the sign-in machinery
 * as the system (for the audit trail and the organisation service's role check), not a role-checked service.
 */
@Component
public class SsoProvisioning {

    public static final String AUDIT_TYPE = "app_user";
    private static final int USERNAME_ATTEMPTS = 50;

    /** Either the signed-in user or the reason they may not sign in. */
    public sealed interface Outcome permits Admitted, Refused {}

    public record Admitted(HoshimiUser user) implements Outcome {}

    public record Refused(SsoRefusal refusal) implements Outcome {}

    private final SsoRepository sso;
    private final UserRepository users;
    private final OrgUnitService orgUnits;
    private final AuditTrail audit;
    private final Clock clock;

    SsoProvisioning(SsoRepository sso, UserRepository users, OrgUnitService orgUnits, AuditTrail audit, Clock clock) {
        this.sso = sso;
        this.users = users;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome signIn(ExternalIdentity identity) {
        Optional<LinkedAccount> existing = sso.findLinked(identity.provider(), identity.subject());
        if (existing.isPresent() && !existing.get().enabled()) {
            return refused(SsoRefusal.Reason.DISABLED, identity);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(sso.rolesFor(identity.claimValues()));
        Set<Long> units = sso.unitsFor(identity.claimValues());
        // no unit mapped: a risk manager, administrator or auditor sees the whole group; procurement sees nothing
        boolean groupWide = units.isEmpty() && roles.stream().anyMatch(role -> role != Role.PROCUREMENT);
        if (existing.isEmpty() && roles.isEmpty()) {
            return refused(SsoRefusal.Reason.NO_ROLE, identity);
        }
        LinkedAccount account = existing.isPresent()
                ? update(existing.get(), identity, roles, units, groupWide)
                : create(identity, roles, units, groupWide);
        if (roles.isEmpty()) {
            // the mapping or their groups changed since the last sign-in: the roles are gone, and so is access
            return refused(SsoRefusal.Reason.NO_ROLE, identity);
        }
        return new Admitted(users.findByUsername(account.username()).orElseThrow());
    }

    private LinkedAccount create(ExternalIdentity identity, Set<Role> roles, Set<Long> units, boolean groupWide) {
        LocalDateTime now = LocalDateTime.now(clock);
        String username = freeUsername(identity);
        long id = sso.insertLinked(
                identity.provider(), identity.subject(), username, identity.displayName(), identity.email(), now);
        LinkedAccount account = new LinkedAccount(
                id,
                username,
                identity.displayName(),
                identity.email(),
                identity.provider(),
                true,
                roles,
                units,
                groupWide);
        store(account, now);
        audit.record(AUDIT_TYPE, id, AuditAction.CREATE, null, account);
        return account;
    }

    private LinkedAccount update(
            LinkedAccount before, ExternalIdentity identity, Set<Role> roles, Set<Long> units, boolean groupWide) {
        LinkedAccount after = new LinkedAccount(
                before.id(),
                before.username(),
                identity.displayName(),
                identity.email(),
                before.signInProvider(),
                true,
                roles,
                units,
                groupWide);
        if (!after.equals(before)) {
            store(after, LocalDateTime.now(clock));
            audit.record(AUDIT_TYPE, before.id(), AuditAction.UPDATE, before, after);
        }
        return after;
    }

    /** Roles here; units and scope through the organisation feature (which audits memberships itself). */
    private void store(LinkedAccount account, LocalDateTime now) {
        sso.updateAccount(account, now);
        orgUnits.assign(account.id(), account.unitIds(), account.groupWide());
    }

    /**
     * The provider's name for them, unless a local account (or another provider's) already has it: never
     * take over an existing account by name, append a number instead.
     */
    private String freeUsername(ExternalIdentity identity) {
        String candidate = identity.usernameCandidate();
        for (int n = 2; sso.usernameTaken(candidate); n++) {
            if (n > USERNAME_ATTEMPTS) {
                throw new IllegalStateException("No free user name for " + identity.usernameCandidate());
            }
            candidate = identity.usernameCandidate() + "-" + n;
        }
        return candidate;
    }

    private static Refused refused(SsoRefusal.Reason reason, ExternalIdentity identity) {
        return new Refused(new SsoRefusal(reason, identity.displayName(), identity.sortedClaimValues()));
    }
}
