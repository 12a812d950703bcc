package jp.hoshimi.security;

import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.security.internal.ApiTokenRepository;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.ApiTokenPrincipal;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for ERP integration. Only a SHA-256 hash is stored; the value is returned once, when
 * the token is created. Each token acts with one role, optionally within one organisation unit.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class ApiTokenService {

    /** Tokens carry 256 random bits; a shorter value passed to {@link #register} is refused. */
    static final int MINIMUM_TOKEN_LENGTH = 24;

    private static final SecureRandom RANDOM = new SecureRandom();
    private final ApiTokenRepository tokens;
    private final SystemAuthentication system;
    private final Clock clock;

    ApiTokenService(ApiTokenRepository tokens, SystemAuthentication system, Clock clock) {
        this.tokens = tokens;
        this.system = system;
        this.clock = clock;
    }

    /** Creates a token and returns its value: show it to the administrator now, it cannot be shown again. */
    @Transactional
    public String create(String name, Role role, Long orgUnitId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = "hsm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        register(name, role, orgUnitId, value);
        return value;
    }

    /** Stores a token whose value was chosen elsewhere (e.g. the published demo tokens of a dev build). */
    @Transactional
    public long register(String name, Role role, Long orgUnitId, String value) {
        if (name == null || name.isBlank()) {
            throw new ValidationException(FieldProblem.of("name", "validation.required"));
        }
        if (role == null) {
            throw new ValidationException(FieldProblem.of("role", "validation.required"));
        }
        if (role == Role.PROCUREMENT && orgUnitId == null) {
            throw new ValidationException(FieldProblem.of("orgUnitId", "apiToken.procurementNeedsUnit"));
        }
        if (value == null || value.length() < MINIMUM_TOKEN_LENGTH) {
            throw new IllegalArgumentException("An API token needs at least " + MINIMUM_TOKEN_LENGTH + " characters");
        }
        return tokens.insert(
                name.strip(), hash(value), role, orgUnitId, system.currentActor(), LocalDateTime.now(clock));
    }

    @Transactional(readOnly = true)
    public List<ApiTokenInfo> list() {
        return tokens.list();
    }

    @Transactional
    public void revoke(long id) {
        tokens.revoke(id, LocalDateTime.now(clock));
    }

    /** The principal of an active token, for the API's authentication filter (called before any login). */
    @Transactional
    @jakarta.annotation.security.PermitAll
    public Optional<ApiTokenPrincipal> authenticate(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Optional<ApiTokenPrincipal> principal = tokens.findActiveByHash(hash(value.strip()));
        principal.ifPresent(p -> tokens.touch(p.tokenId(), LocalDateTime.now(clock)));
        return principal;
    }

    static String hash(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
