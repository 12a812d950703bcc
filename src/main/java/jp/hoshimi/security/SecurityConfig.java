package jp.hoshimi.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jp.hoshimi.security.internal.ApiErrorWriter;
import jp.hoshimi.security.internal.ApiTokenFilter;
import jp.hoshimi.security.internal.StartupGateFilter;
import jp.hoshimi.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;

/**
 * Deny by default: only the login page, the health endpoint and static resources are public. Views are
 * checked by Vaadin's access control (annotations), services by method security (@RolesAllowed).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * The REST API: stateless, bearer tokens only (no session, no CSRF because no cookies), answers 401/403
     * as JSON instead of redirecting to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http, ApiTokenService tokens, SecurityContextHolderStrategy contexts) throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, contexts), AnonymousAuthenticationFilter.class)
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint((request, response, e) -> ApiErrorWriter.write(
                                        response,
                                        401,
                                        "UNAUTHORIZED",
                                        "Send a valid API token: Authorization: Bearer <token>"))
                                .accessDeniedHandler((request, response, e) -> ApiErrorWriter.write(
                                        response, 403, "FORBIDDEN", "This token's role may not do this")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, StartupReadiness readiness, SessionRegistry sessions)
            throws Exception {
        http.addFilterBefore(new StartupGateFilter(readiness::ready), CsrfFilter.class);
        // every signed-in session is registered, so deactivating a user or changing a password can end the
        // user's other sessions at once (LiveSessions); any number of sessions per user is allowed
        http.sessionManagement(
                session -> session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/webjars/**", "/images/**")
                .permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the algorithm can be changed later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
