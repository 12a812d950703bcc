package jp.hoshimi.security.sso;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** The provider vouched for the person, but this app refuses them (no mapped role, or switched off). */
class SsoRefusedException extends OAuth2AuthenticationException {

    private final transient SsoRefusal refusal;

    SsoRefusedException(SsoRefusal refusal) {
        super(new OAuth2Error("access_denied"), "Refused by Hoshimi: " + refusal.reason());
        this.refusal = refusal;
    }

    SsoRefusal refusal() {
        return refusal;
    }
}
