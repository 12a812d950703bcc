package jp.hoshimi.shared.identity;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs start-up and scheduled work as the built-in "system" administrator, so that service methods keep
 * their role checks even when no person is signed in. Uses the application's security context strategy
 * (Vaadin's), the same one method security reads.
 */
@Component
public class SystemAuthentication {

    public static final String SYSTEM_USERNAME = "system";

    private final SecurityContextHolderStrategy contexts;

    SystemAuthentication(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    public <T> T callAsSystem(Supplier<T> work) {
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SYSTEM_USERNAME, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }

    public void runAsSystem(Runnable work) {
        callAsSystem(() -> {
            work.run();
            return null;
        });
    }

    /** The user name of whoever is acting now: a person, an API token, or "system". */
    public String currentActor() {
        var authentication = contexts.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
