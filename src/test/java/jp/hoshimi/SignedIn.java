package jp.hoshimi;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Runs work in the test's thread as a demo user (their roles and data scope), then restores who was there.
 * Through the context's own {@link SecurityContextHolderStrategy} (the one method security reads): the
 * static holder may belong to another test class's context once Vaadin's strategy was installed.
 */
public final class SignedIn {

    private SignedIn() {}

    public static <T> T as(
            UserDetailsService users, SecurityContextHolderStrategy contexts, String username, Supplier<T> work) {
        var user = users.loadUserByUsername(username);
        var previous = contexts.getContext();
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.setContext(previous);
        }
    }
}
