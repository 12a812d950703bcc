package jp.hoshimi.security.sso;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Adds OpenID Connect sign-in to the web filter chain when single sign-on is configured. After the provider
 * has signed the person in, the session holds the same {@link HoshimiUser} principal as a password sign-in,
 * so views, services and the data scope treat both alike; the ID token stays in the authentication's
 * details for sign-out at the provider. See docs/decisions/0022-single-sign-on.md.
 */
public class SsoSecurity {

    static final String LOGIN_PAGE = "/login";

    private final SsoProperties properties;
    private final ClientRegistrationRepository registrations;
    private final SsoProvisioning provisioning;
    private final SystemAuthentication system;
    private final SecurityContextHolderStrategy contexts;
    private final SecurityContextRepository sessionContexts = new HttpSessionSecurityContextRepository();

    SsoSecurity(
            SsoProperties properties,
            ClientRegistrationRepository registrations,
            SsoProvisioning provisioning,
            SystemAuthentication system,
            SecurityContextHolderStrategy contexts) {
        this.properties = properties;
        this.registrations = registrations;
        this.provisioning = provisioning;
        this.system = system;
        this.contexts = contexts;
    }

    /** Adds the sign-in through the provider; pair with {@link #logoutSuccessHandler()} for sign-out. */
    public void configure(HttpSecurity http) throws Exception {
        http.oauth2Login(login -> login.loginPage(LOGIN_PAGE)
                .clientRegistrationRepository(registrations)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(
                        new ProvisioningOidcUserService(provisioning, system, properties.groupsClaim())))
                .successHandler(new SignedIn())
                .failureHandler(this::refuse)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // provider unreachable when the button is pressed: say so on the login page, not a 500
                        filter.setAuthenticationFailureHandler(SsoSecurity.this::refuse);
                        return filter;
                    }
                }));
    }

    /** For the Vaadin configurer: sign-out that also ends the session at the provider when it can. */
    public LogoutSuccessHandler logoutSuccessHandler() {
        return this::signedOut;
    }

    /** Swaps the provider's principal for the account here (see the class comment) and goes on. */
    private final class SignedIn extends SavedRequestAwareAuthenticationSuccessHandler {

        @Override
        public void onAuthenticationSuccess(
                HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
            ProvisionedOidcUser oidcUser = (ProvisionedOidcUser) token.getPrincipal();
            HoshimiUser account = oidcUser.account();
            UsernamePasswordAuthenticationToken signedIn =
                    UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
            signedIn.setDetails(new OidcSignIn(token.getAuthorizedClientRegistrationId(), oidcUser.getIdToken()));
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(signedIn);
            contexts.setContext(context);
            sessionContexts.saveContext(context, request, response);
            super.onAuthenticationSuccess(request, response, signedIn);
        }
    }

    /** A refused person gets the login page's explanation and no signed-in session. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (e instanceof SsoRefusedException refused) {
            request.getSession().setAttribute(SsoRefusal.SESSION_ATTRIBUTE, refused.refusal());
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?refused");
        } else {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE + "?sso-error");
        }
    }

    /** Ends the session here, and at the provider too when it advertises an end_session_endpoint. */
    private void signedOut(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, jakarta.servlet.ServletException {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}" + LOGIN_PAGE);
        handler.setDefaultTargetUrl(LOGIN_PAGE);
        // sign-out is a Vaadin request: the browser must be sent on by the page, not by an HTTP redirect
        handler.setRedirectStrategy(new UidlRedirectStrategy());
        Authentication forHandler = authentication;
        if (authentication != null && authentication.getDetails() instanceof OidcSignIn signIn) {
            forHandler = new OAuth2AuthenticationToken(
                    new DefaultOidcUser(authentication.getAuthorities(), signIn.idToken()),
                    authentication.getAuthorities(),
                    signIn.registrationId());
        }
        handler.onLogoutSuccess(request, response, forHandler);
    }
}
