package jp.hoshimi.security.sso;

import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one configured provider, read from its discovery document on first use rather than at start-up: an
 * unreachable provider must not stop the app, because local administrators still sign in with a password.
 * A failed discovery is tried again at the next sign-in.
 */
class DiscoveredClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(DiscoveredClientRegistrations.class);

    private final SsoProperties properties;
    private volatile ClientRegistration registration;

    DiscoveredClientRegistrations(SsoProperties properties) {
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!properties.registrationId().equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            known = discover();
            registration = known;
        }
        return known;
    }

    private ClientRegistration discover() {
        try {
            return ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                    .registrationId(properties.registrationId())
                    .clientId(properties.clientId())
                    .clientSecret(properties.clientSecret())
                    .scope(new HashSet<>(properties.scopes()))
                    .clientName(properties.providerName())
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .build();
        } catch (RuntimeException e) {
            log.warn("Single sign-on provider {} cannot be reached or read: {}", properties.issuerUri(), e.toString());
            return null;
        }
    }
}
