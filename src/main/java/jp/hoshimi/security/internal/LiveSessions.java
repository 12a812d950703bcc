package jp.hoshimi.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.hoshimi.security.OwnSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.session.HttpSessionCreatedEvent;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.security.web.session.HttpSessionIdChangedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The signed-in sessions of this node: Spring Security's {@link SessionRegistry} knows who holds which
 * session and when it was last used; this keeps the servlet sessions themselves, so that ending a user's
 * sessions also invalidates them at once (and with them the Vaadin session, whose UI then reloads to the
 * login page) instead of waiting for the user's next request. Sessions on another node are caught at their
 * next navigation by the account check (AccountGuard).
 */
@Component
public class LiveSessions {

    static final String SIGNED_IN_AT = "hoshimi.signedInAt";
    static final String ADDRESS = "hoshimi.address";
    static final String USER_AGENT = "hoshimi.userAgent";

    private final SessionRegistry registry;
    private final JooqUserAdminRepository users;
    private final Clock clock;
    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();

    LiveSessions(SessionRegistry registry, JooqUserAdminRepository users, Clock clock) {
        this.registry = registry;
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    void created(HttpSessionCreatedEvent event) {
        sessions.put(event.getSession().getId(), event.getSession());
    }

    @EventListener
    void destroyed(HttpSessionDestroyedEvent event) {
        sessions.remove(event.getId());
    }

    @EventListener
    void idChanged(HttpSessionIdChangedEvent event) {
        HttpSession session = sessions.remove(event.getOldSessionId());
        if (session != null) {
            sessions.put(event.getNewSessionId(), session);
        }
    }

    /**
     * Notes when, from where and with what the user signed in, and the user's last sign-in. The provider
     * manager's success event comes before session fixation protection, which keeps the session's attributes.
     */
    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (!(event.getAuthentication().getPrincipal() instanceof UserDetails)) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        users.recordSignIn(event.getAuthentication().getName(), now);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SIGNED_IN_AT, now);
                session.setAttribute(ADDRESS, request.getRemoteAddr());
                session.setAttribute(USER_AGENT, request.getHeader("User-Agent"));
            }
        }
    }

    /** Ends every session of this user except {@code keepSessionId} (null: all); answers how many. */
    public int end(String username, String keepSessionId) {
        int ended = 0;
        for (SessionInformation information : sessionsOf(username)) {
            if (information.getSessionId().equals(keepSessionId)) {
                continue;
            }
            information.expireNow();
            HttpSession session = sessions.remove(information.getSessionId());
            if (session != null) {
                invalidate(session);
            }
            registry.removeSessionInformation(information.getSessionId());
            ended++;
        }
        return ended;
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // ended meanwhile by a timeout or a logout: nothing left to do
        }
    }

    public List<OwnSession> list(String username, String currentSessionId) {
        List<OwnSession> result = new ArrayList<>();
        for (SessionInformation information : sessionsOf(username)) {
            HttpSession session = sessions.get(information.getSessionId());
            result.add(new OwnSession(
                    attribute(session, SIGNED_IN_AT, LocalDateTime.class),
                    LocalDateTime.ofInstant(information.getLastRequest().toInstant(), ZoneOffset.UTC),
                    attribute(session, ADDRESS, String.class),
                    attribute(session, USER_AGENT, String.class),
                    information.getSessionId().equals(currentSessionId)));
        }
        result.sort(Comparator.comparing(OwnSession::current)
                .reversed()
                .thenComparing(OwnSession::lastRequestAt, Comparator.reverseOrder()));
        return result;
    }

    private List<SessionInformation> sessionsOf(String username) {
        List<SessionInformation> result = new ArrayList<>();
        for (Object principal : registry.getAllPrincipals()) {
            if (username.equals(nameOf(principal))) {
                result.addAll(registry.getAllSessions(principal, false));
            }
        }
        return result;
    }

    private static String nameOf(Object principal) {
        return principal instanceof UserDetails user ? user.getUsername() : String.valueOf(principal);
    }

    private static <T> T attribute(HttpSession session, String name, Class<T> type) {
        if (session == null) {
            return null;
        }
        try {
            Object value = session.getAttribute(name);
            return type.isInstance(value) ? type.cast(value) : null;
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }
}
