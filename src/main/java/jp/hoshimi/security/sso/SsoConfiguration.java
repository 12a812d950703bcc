package jp.hoshimi.security.sso;

import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Present only when {@code hoshimi.sso.issuer-uri} is set; otherwise sign-in is exactly the password form. */
@Configuration
@Conditional(SsoConfigured.class)
class SsoConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(SsoProperties properties) {
        return new DiscoveredClientRegistrations(properties);
    }

    @Bean
    SsoSecurity ssoSecurity(
            SsoProperties properties,
            ClientRegistrationRepository registrations,
            SsoProvisioning provisioning,
            SystemAuthentication system,
            SecurityContextHolderStrategy contexts) {
        return new SsoSecurity(properties, registrations, provisioning, system, contexts);
    }
}
