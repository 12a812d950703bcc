package jp.hoshimi.shared.identity;

/** Who acts when a request carries an API token: the token's name, role and optional unit. */
public record ApiTokenPrincipal(long tokenId, String name, Role role, Long orgUnitId) {

    @Override
    public String toString() {
        return "token:" + name;
    }
}
