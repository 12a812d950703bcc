package jp.hoshimi.dev;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The development build runs on http://localhost, where a Secure session cookie would not come back from every
 * client: its session cookie is not Secure unless asked for. The production jar does not contain this class, so
 * there the cookie is Secure (application.properties).
 */
class DevelopmentHttpDefaults implements EnvironmentPostProcessor {

    static final String SECURE_COOKIE_DEFAULT = "hoshimi.session.secure-cookie-default";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource("developmentHttpDefaults", Map.of(SECURE_COOKIE_DEFAULT, "false")));
    }
}
