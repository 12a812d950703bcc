package jp.hoshimi.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks up users for form login. Called by Spring Security before anyone is authenticated. */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    DatabaseUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // an account of the single sign-on provider has no password here: refused like an unknown name
        return users.findByUsername(username)
                .filter(user -> user.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
    }
}
