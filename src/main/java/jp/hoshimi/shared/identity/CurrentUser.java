package jp.hoshimi.shared.identity;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The signed-in user for views: name, roles and logout. */
@Component
public class CurrentUser {

    private final AuthenticationContext authenticationContext;

    CurrentUser(AuthenticationContext authenticationContext) {
        this.authenticationContext = authenticationContext;
    }

    public Optional<HoshimiUser> get() {
        return authenticationContext.getAuthenticatedUser(HoshimiUser.class);
    }

    public String displayName() {
        return get().map(HoshimiUser::displayName)
                .or(() -> authenticationContext.getPrincipalName())
                .orElse("");
    }

    public boolean hasRole(Role role) {
        return authenticationContext.hasRole(role.name());
    }

    public void logout() {
        authenticationContext.logout();
    }
}
