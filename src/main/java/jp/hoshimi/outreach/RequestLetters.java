package jp.hoshimi.outreach;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import jp.hoshimi.outreach.internal.RequestSweeps;
import jp.hoshimi.shared.Outbox;
import jp.hoshimi.shared.web.AppBaseUrl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The letters of a request and their answer links (docs/decisions/0025-supplier-requests.md). A link's token
 * is 256 random bits; only its SHA-256 is stored. The letter goes through the alert outbox, keyed by request
 * and occasion, so each letter is queued once and sent once; the token itself waits in the outbox only until
 * the mail has gone.
 */
@Component
class RequestLetters {

    /** The answer page's route. */
    static final String ROUTE = "reply";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Outbox outbox;
    private final AppBaseUrl baseUrl;
    private final RequestTemplates templates;
    private final RequestSweeps sweeps;
    private final Clock clock;

    RequestLetters(Outbox outbox, AppBaseUrl baseUrl, RequestTemplates templates, RequestSweeps sweeps, Clock clock) {
        this.outbox = outbox;
        this.baseUrl = baseUrl;
        this.templates = templates;
        this.sweeps = sweeps;
        this.clock = clock;
    }

    /** Queues the letter for this occasion (SENT, REMIND:B14, …) with a fresh link; false if queued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean send(RequestDetails request, boolean reminder, String occasion) {
        String token = newToken();
        String lang = request.language();
        boolean queued = outbox.letter(
                "REQUEST:" + request.id() + ":" + occasion,
                about(request),
                request.contactEmail(),
                lang,
                templates.subject(lang, request.supplierName(), request.requestedLevel(), reminder),
                templates.letter(lang, request.message(), request.dueDate(), reminder),
                baseUrl.get() + ROUTE + "/" + token);
        if (queued) {
            LocalDateTime now = LocalDateTime.now(clock);
            sweeps.insertToken(request.id(), hash(token), now, now.plusYears(2));
        }
        return queued;
    }

    /** Tells the request's owner (in-app, and mail as they chose) of {@code event}; once per key. */
    @Transactional(propagation = Propagation.MANDATORY)
    void notice(RequestDetails request, String key, String event) {
        outbox.notice(
                "REQUEST:" + request.id() + ":" + key,
                about(request),
                event,
                request.dueDate().toString(),
                Set.of(request.ownerUserId()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void closed(long requestId) {
        sweeps.shortenTokens(requestId, LocalDateTime.now(clock).plusDays(30));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void revoke(long requestId) {
        sweeps.revokeAll(requestId, LocalDateTime.now(clock));
    }

    void dispatchSoon() {
        outbox.dispatchSoon();
    }

    private static Outbox.Subject about(RequestDetails request) {
        return new Outbox.Subject(
                request.supplierId(), request.supplierName(), request.corporateNumber(), request.id());
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
