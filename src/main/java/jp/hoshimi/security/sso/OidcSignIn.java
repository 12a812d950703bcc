package jp.hoshimi.security.sso;

import java.io.Serializable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;

/**
 * Kept as the details of a session signed in through the provider: which provider, and the ID token that
 * sign-out hands back to it (RP-initiated logout).
 */
record OidcSignIn(String registrationId, OidcIdToken idToken) implements Serializable {}
