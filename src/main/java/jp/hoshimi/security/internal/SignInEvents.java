package jp.hoshimi.security.internal;

import jp.hoshimi.security.SignInThrottle;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Counts the sign-in form's outcomes (Spring Security publishes them) for the throttle and the security
 * events. Only form sign-ins carry web details; other authentications (API tokens, the system) are not here.
 */
@Component
class SignInEvents {

    private final SignInThrottle throttle;

    SignInEvents(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.signInSucceeded(authentication.getName(), details.getRemoteAddress());
        }
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication authentication = event.getAuthentication();
        if (authentication.getDetails() instanceof WebAuthenticationDetails details) {
            throttle.signInFailed(authentication.getName(), details.getRemoteAddress());
        }
    }
}
