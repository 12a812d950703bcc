package jp.hoshimi.security.sso;

import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** Spring's OIDC user loading (ID token, user-info), then the just-in-time account here. */
class ProvisioningOidcUserService extends OidcUserService {

    private final SsoProvisioning provisioning;
    private final SystemAuthentication system;
    private final String groupsClaim;

    ProvisioningOidcUserService(SsoProvisioning provisioning, SystemAuthentication system, String groupsClaim) {
        this.provisioning = provisioning;
        this.system = system;
        this.groupsClaim = groupsClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = super.loadUser(request);
        ExternalIdentity identity = ExternalIdentity.of(
                request.getClientRegistration().getRegistrationId(), oidcUser.getClaims(), groupsClaim);
        SsoProvisioning.Outcome outcome = system.callAsSystem(() -> provisioning.signIn(identity));
        if (outcome instanceof SsoProvisioning.Refused refused) {
            throw new SsoRefusedException(refused.refusal());
        }
        return new ProvisionedOidcUser(oidcUser, ((SsoProvisioning.Admitted) outcome).user());
    }
}
