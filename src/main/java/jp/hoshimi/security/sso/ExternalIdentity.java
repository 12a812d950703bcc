package jp.hoshimi.security.sso;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the provider says signed in: its subject, the names it offers and the values of the groups claim.
 *
 * @param provider the registration id ({@link SsoProperties#registrationId()})
 */
public record ExternalIdentity(
        String provider, String subject, String preferredUsername, String email, String name, Set<String> claimValues) {

    public ExternalIdentity {
        claimValues = Set.copyOf(claimValues);
    }

    /** Reads the standard claims and the groups claim, which may be a list or a single string. */
    public static ExternalIdentity of(String provider, Map<String, Object> claims, String groupsClaim) {
        return new ExternalIdentity(
                provider,
                text(claims.get("sub")),
                text(claims.get("preferred_username")),
                text(claims.get("email")),
                text(claims.get("name")),
                values(claims.get(groupsClaim)));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank()
                ? null
                : value.toString().strip();
    }

    private static Set<String> values(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        Collection<?> items = claim instanceof Collection<?> c ? c : claim == null ? List.of() : List.of(claim);
        for (Object item : items) {
            String value = text(item);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** The user name to create: preferred_username, else the e-mail address, else the subject. */
    public String usernameCandidate() {
        String candidate = preferredUsername != null ? preferredUsername : email != null ? email : subject;
        return candidate.length() > 90 ? candidate.substring(0, 90) : candidate;
    }

    public String displayName() {
        return name != null ? name : usernameCandidate();
    }

    /** The claim values in a stable order, for the refusal page and the audit trail. */
    public List<String> sortedClaimValues() {
        return claimValues.stream().sorted().toList();
    }
}
