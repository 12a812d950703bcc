package jp.hoshimi.register;

import jp.hoshimi.register.source.RegisterKind;

/**
 * Where one register kind is read from, as stored (issue 24): an HTTP feed, a file on the server, or none.
 * {@code format} is CSV, JSON or null (HTTP: from the response; file: CSV). {@code origin} says whether it
 * still follows the {@code hoshimi.register.*} properties (a fresh install's seed) or an administrator set it.
 */
public record RegisterSourceSettings(
        RegisterKind kind, Type type, String location, String format, Origin origin, int version) {

    public enum Type {
        HTTP,
        FILE,
        NONE
    }

    public enum Origin {
        PROPERTIES,
        ADMIN
    }

    public static RegisterSourceSettings none(RegisterKind kind) {
        return new RegisterSourceSettings(kind, Type.NONE, null, null, Origin.PROPERTIES, 0);
    }

    public boolean isConfigured() {
        return type != Type.NONE && location != null && !location.isBlank();
    }
}
