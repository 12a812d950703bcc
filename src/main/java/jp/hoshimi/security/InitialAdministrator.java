package jp.hoshimi.security;

import java.util.Set;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator from configuration ({@code HOSHIMI_INITIAL_ADMIN_USERNAME} and
 * {@code HOSHIMI_INITIAL_ADMIN_PASSWORD}) when no administrator exists. There is never a default
 * password: without configuration it only logs what to set.
 */
@Component
@Order(100)
class InitialAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final UserAccountService accounts;
    private final SystemAuthentication system;
    private final PasswordPolicy policy;
    private final String username;
    private final String password;

    InitialAdministrator(
            UserAccountService accounts,
            SystemAuthentication system,
            PasswordPolicy policy,
            @Value("${hoshimi.initial-admin.username:}") String username,
            @Value("${hoshimi.initial-admin.password:}") String password) {
        this.accounts = accounts;
        this.system = system;
        this.policy = policy;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        system.runAsSystem(this::createIfMissing);
    }

    void createIfMissing() {
        if (accounts.hasAdministrator()) {
            return;
        }
        if (username.isBlank() || password.isBlank()) {
            log.warn(
                    "No administrator exists yet. Set HOSHIMI_INITIAL_ADMIN_USERNAME and "
                            + "HOSHIMI_INITIAL_ADMIN_PASSWORD (at least {} characters) and restart to create one.",
                    UserAccountService.MINIMUM_PASSWORD_LENGTH);
            return;
        }
        if (!policy.check(username, password, "password").isEmpty()) {
            log.error(
                    "HOSHIMI_INITIAL_ADMIN_PASSWORD does not meet the password policy (at least {} characters, not"
                            + " containing the user name, not a common password); no administrator created.",
                    UserAccountService.MINIMUM_PASSWORD_LENGTH);
            return;
        }
        accounts.create(new NewUser(username, username, null, password, Set.of(Role.ADMIN)));
        log.info("Created the initial administrator '{}' from configuration.", username);
    }
}
