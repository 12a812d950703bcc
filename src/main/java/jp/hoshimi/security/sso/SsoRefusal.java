package jp.hoshimi.security.sso;

import java.io.Serializable;
import java.util.List;

/**
 * Why a person who proved who they are at the provider still may not sign in here, kept in the (unsigned-in)
 * session for the login page to explain.
 *
 * @param claimValues the values of the groups claim their token carried (to tell the administrator)
 */
public record SsoRefusal(Reason reason, String name, List<String> claimValues) implements Serializable {

    public enum Reason {
        /** none of their claim values is mapped to a role */
        NO_ROLE,
        /** their account here is switched off */
        DISABLED
    }

    /** The session attribute the login page reads. */
    public static final String SESSION_ATTRIBUTE = SsoRefusal.class.getName();

    public SsoRefusal {
        claimValues = List.copyOf(claimValues);
    }
}
