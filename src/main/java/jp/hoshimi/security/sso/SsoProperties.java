package jp.hoshimi.security.sso;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with an OpenID Connect provider ({@code hoshimi.sso.*}). Nothing happens unless
 * {@code issuer-uri} is set: no provider is contacted and the login page shows only the password form.
 *
 * @param issuerUri the provider's issuer (its discovery document is {@code <issuer>/.well-known/openid-configuration})
 * @param clientId this app's client id at the provider
 * @param clientSecret this app's client secret at the provider
 * @param scopes requested scopes; {@code openid} must be among them
 * @param groupsClaim the ID token or user-info claim whose values are mapped to roles and units
 * @param providerName shown on the login page: "Sign in with <providerName>"
 * @param registrationId the name of the provider in this app: part of the redirect URI
 *     ({@code <base>/login/oauth2/code/<registrationId>}) and stored with each user it signs in
 * @param passwordForm whether the login page also shows the password form; local accounts can sign in
 *     either way (with {@code login?local} when the form is hidden): the break-glass administrator
 */
@ConfigurationProperties("hoshimi.sso")
public record SsoProperties(
        @DefaultValue("") String issuerUri,
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue("SSO") String providerName,
        @DefaultValue("oidc") String registrationId,
        @DefaultValue("true") boolean passwordForm) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Where the login page's button starts the sign-in at the provider. */
    public String authorizationPath() {
        return "oauth2/authorization/" + registrationId;
    }
}
