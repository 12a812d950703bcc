package jp.hoshimi.security.sso;

import jp.hoshimi.shared.identity.HoshimiUser;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The provider's user together with the account it signs in as here. */
class ProvisionedOidcUser extends DefaultOidcUser {

    private final HoshimiUser account;

    ProvisionedOidcUser(OidcUser oidcUser, HoshimiUser account) {
        super(account.getAuthorities(), oidcUser.getIdToken(), oidcUser.getUserInfo());
        this.account = account;
    }

    HoshimiUser account() {
        return account;
    }
}
