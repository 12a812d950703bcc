package jp.hoshimi.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jp.hoshimi.security.internal.ApiErrorWriter;
import jp.hoshimi.security.internal.ApiTokenFilter;
import jp.hoshimi.security.internal.SignInThrottleFilter;
import jp.hoshimi.security.internal.StartupGateFilter;
import jp.hoshimi.security.sso.SsoSecurity;
import jp.hoshimi.security.ui.LoginView;
import jp.hoshimi.shared.ui.MessageBundle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Deny by default: only the login page, the health endpoint and static resources are public, and the
 * supplier's answer page ({@code reply/<token>}, issue 19), which Vaadin permits because it is the one other
 * {@code @AnonymousAllowed} view and which shows nothing without a working token. Views are checked by
 * Vaadin's access control (annotations), services by method security (@RolesAllowed).
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * The API's answers to a request without valid credentials (401) or with a role that may not (403): JSON,
     * never a redirect to the login page, in the request's language (chosen before this chain, issue 18).
     */
    private final AuthenticationEntryPoint apiUnauthorized;

    private final AccessDeniedHandler apiForbidden;

    SecurityConfig(MessageBundle messages) {
        this.apiUnauthorized = (request, response, e) -> ApiErrorWriter.write(
                response, 401, "UNAUTHORIZED", messages.getTranslation("api.error.UNAUTHORIZED", request.getLocale()));
        this.apiForbidden = (request, response, e) -> ApiErrorWriter.write(
                response, 403, "FORBIDDEN", messages.getTranslation("api.error.FORBIDDEN", request.getLocale()));
    }

    @Value("${hoshimi.security.content-security-policy}")
    private String contentSecurityPolicy;

    /**
     * The REST API: stateless, bearer tokens only (no session, no CSRF because no cookies), answers 401/403
     * as JSON instead of redirecting to the login page.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(
            HttpSecurity http, ApiTokenService tokens, SecurityContextHolderStrategy contexts, SignInThrottle throttle)
            throws Exception {
        return http.securityMatcher("/api/v1/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new ApiTokenFilter(tokens, contexts, throttle), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(
                        csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
                .exceptionHandling(errors ->
                        errors.authenticationEntryPoint(apiUnauthorized).accessDeniedHandler(apiForbidden))
                .build();
    }

    /**
     * The OpenAPI description (issue 24 serves it behind sign-in; issue 18 lets an integrator read it with the
     * same bearer token it calls the API with): a signed-in session or any valid API token, else 401 JSON.
     */
    @Bean
    @Order(0)
    SecurityFilterChain openApiFilterChain(
            HttpSecurity http, ApiTokenService tokens, SecurityContextHolderStrategy contexts, SignInThrottle throttle)
            throws Exception {
        return http.securityMatcher("/api/docs", "/api/docs/**", "/api/docs.yaml")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .addFilterBefore(new ApiTokenFilter(tokens, contexts, throttle), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(apiUnauthorized))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            StartupReadiness readiness,
            SignInThrottle throttle,
            RequestUtil vaadinRequests,
            ObjectProvider<SsoSecurity> singleSignOn,
            SessionRegistry sessions)
            throws Exception {
        http.addFilterBefore(new StartupGateFilter(readiness::ready), CsrfFilter.class);
        hardenSignIn(http, throttle, vaadinRequests);
        // every signed-in session is registered, so deactivating a user or changing a password can end the
        // user's other sessions at once (LiveSessions); any number of sessions per user is allowed
        http.sessionManagement(
                session -> session.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login"));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/webjars/**", "/images/**")
                .permitAll());
        // OpenID Connect sign-in beside the password form, only when hoshimi.sso.issuer-uri is set
        SsoSecurity sso = singleSignOn.getIfAvailable();
        if (sso != null) {
            sso.configure(http);
        }
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
                    vaadin.loginView(LoginView.class).enableCsrfConfiguration(false);
                    if (sso != null) {
                        vaadin.logoutSuccessHandler(sso.logoutSuccessHandler());
                    }
                })
                .build();
    }

    /**
     * Issue 15: the sign-in form needs a CSRF token (Vaadin exempts its login page; its login form sends the
     * token from the page's meta tags, so only Vaadin's own internal requests stay exempt, as Vaadin has them),
     * is throttled before the password is checked, pages carry a Content-Security-Policy, and paths under
     * /api/ that reach this chain (e.g. /api/docs) answer 401 JSON rather than the login page.
     */
    private void hardenSignIn(HttpSecurity http, SignInThrottle throttle, RequestUtil vaadinRequests) throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
        http.addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class);
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy)));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                apiUnauthorized, PathPatternRequestMatcher.withDefaults().matcher("/api/**")));
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the {id} prefix so the algorithm can be changed later
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
