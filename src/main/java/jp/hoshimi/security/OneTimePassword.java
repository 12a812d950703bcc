package jp.hoshimi.security;

/** A password generated for a user, shown to the administrator once; the user must change it at sign-in. */
public record OneTimePassword(long userId, String username, String value) {

    @Override
    public String toString() {
        // never log the value
        return "OneTimePassword[" + username + "]";
    }
}
