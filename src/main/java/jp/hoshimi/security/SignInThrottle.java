package jp.hoshimi.security;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.security.SignInThrottleProperties.ThrottlePolicy;
import jp.hoshimi.security.internal.SecurityEventRepository;
import jp.hoshimi.security.internal.SecurityEventRepository.ThrottleRow;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throttles sign-in per account and per client address, and wrong API tokens per client address: after a few
 * failures each further attempt is refused for a growing delay, after more the account or address is locked
 * for a while. A refused attempt is answered at once (no sleeping request threads): the caller says when to
 * try again. Every outcome is a stored security event. The pre-sign-in methods are open (no one is signed in
 * yet); reading events and unlocking are for administrators. See docs/decisions/0021-sign-in-throttling-web-hardening.md.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class SignInThrottle {

    static final String ACCOUNT = "account:";
    static final String ADDRESS = "address:";
    static final String TOKEN = "token:";
    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    private final SecurityEventRepository repository;
    private final SignInThrottleProperties properties;
    private final SystemAuthentication system;
    private final Clock clock;

    SignInThrottle(
            SecurityEventRepository repository,
            SignInThrottleProperties properties,
            SystemAuthentication system,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.system = system;
        this.clock = clock;
    }

    /**
     * Before a password is checked: empty to go on, else how long the caller must wait. An attempt during a
     * delay counts as a failure (a fast script reaches the lock quickly); one during a lock is not stored.
     */
    @Transactional
    @PermitAll
    public Optional<Duration> checkSignIn(String username, String address) {
        String account = ACCOUNT + clip(username, 100);
        String client = ADDRESS + clip(address, 64);
        List<SignInBlock> blocks = repository.activeBlocks(List.of(account, client), now());
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        if (blocks.stream().noneMatch(SignInBlock::locked)) {
            countFailure(account, properties.accounts(), username, address);
            countFailure(client, properties.addresses(), username, address);
            event(SecurityEventKind.SIGN_IN_THROTTLED, username, address, null);
            blocks = repository.activeBlocks(List.of(account, client), now());
        }
        return remaining(blocks);
    }

    /** A wrong password (or unknown user name) on the sign-in form. */
    @Transactional
    @PermitAll
    public void signInFailed(String username, String address) {
        event(SecurityEventKind.SIGN_IN_FAILED, username, address, null);
        countFailure(ACCOUNT + clip(username, 100), properties.accounts(), username, address);
        countFailure(ADDRESS + clip(address, 64), properties.addresses(), username, address);
    }

    /** A successful sign-in forgets the account's failures (not the address's: one account must not clear it). */
    @Transactional
    @PermitAll
    public void signInSucceeded(String username, String address) {
        event(SecurityEventKind.SIGN_IN_SUCCEEDED, username, address, null);
        repository.clear(ACCOUNT + clip(username, 100));
    }

    /** Before a bearer token is looked up: empty to go on, else how long the client must wait. */
    @Transactional
    @PermitAll
    public Optional<Duration> checkToken(String address) {
        String client = TOKEN + clip(address, 64);
        List<SignInBlock> blocks = repository.activeBlocks(List.of(client), now());
        if (!blocks.isEmpty() && !blocks.get(0).locked()) {
            countFailure(client, properties.accounts(), null, address);
            event(SecurityEventKind.TOKEN_THROTTLED, null, address, null);
            blocks = repository.activeBlocks(List.of(client), now());
        }
        return remaining(blocks);
    }

    /** A bearer token that is unknown or revoked. */
    @Transactional
    @PermitAll
    public void tokenRefused(String address) {
        event(SecurityEventKind.TOKEN_REFUSED, null, address, null);
        countFailure(TOKEN + clip(address, 64), properties.accounts(), null, address);
    }

    @Transactional(readOnly = true)
    public List<SecurityEvent> events(SecurityEventKind kind, int offset, int limit) {
        return repository.events(kind, offset, limit);
    }

    @Transactional(readOnly = true)
    public int countEvents(SecurityEventKind kind) {
        return repository.countEvents(kind);
    }

    /** Accounts and addresses refused now (at most 500, latest end first). */
    @Transactional(readOnly = true)
    public List<SignInBlock> activeBlocks() {
        return repository.activeBlocks(now(), 500);
    }

    /** Lifts a delay or lock and forgets the failures; recorded with who did it. */
    @Transactional
    public void unlock(String key) {
        if (repository.clear(key)) {
            String subject = key.substring(key.indexOf(':') + 1);
            boolean account = key.startsWith(ACCOUNT);
            event(
                    SecurityEventKind.UNLOCKED,
                    account ? subject : null,
                    account ? null : subject,
                    key + " by " + system.currentActor());
        }
    }

    private void countFailure(String key, ThrottlePolicy policy, String username, String address) {
        LocalDateTime now = now();
        ThrottleRow row = repository.lockRow(key, now);
        boolean blocked = row.blockedUntil() != null && row.blockedUntil().isAfter(now);
        boolean forgotten = row.lastFailureAt().plus(properties.forgetAfter()).isBefore(now) && !blocked;
        // once a lock has run out, counting starts again (else the next failure would lock at once)
        boolean lockOver = row.locked() && !blocked;
        int failures = (forgotten || lockOver ? 0 : row.failures()) + 1;
        Duration block = policy.blockAfter(failures);
        boolean locks = policy.locks(failures);
        LocalDateTime blockedUntil = block.isZero() ? null : now.plus(block);
        repository.saveRow(key, failures, now, blockedUntil, locks);
        if (locks && !row.locked()) {
            log.warn("Sign-in locked for {} until {} UTC after {} failures", key, blockedUntil, failures);
            event(SecurityEventKind.LOCKED, username, address, key + " until " + blockedUntil + " UTC");
        }
    }

    private Optional<Duration> remaining(List<SignInBlock> blocks) {
        LocalDateTime now = now();
        return blocks.stream()
                .map(SignInBlock::blockedUntil)
                .max(Comparator.naturalOrder())
                .filter(until -> until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    private void event(SecurityEventKind kind, String username, String address, String detail) {
        repository.insertEvent(now(), kind, clip(username, 100), clip(address, 64), clip(detail, 500));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static String clip(String value, int length) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.length() > length ? stripped.substring(0, length) : stripped;
    }
}
