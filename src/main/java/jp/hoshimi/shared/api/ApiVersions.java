package jp.hoshimi.shared.api;

import org.springframework.http.ResponseEntity;

/**
 * ETag and If-Match over the version columns the screens already lock with (issue 18). A single resource is
 * answered with {@code ETag: "<version>"} ({@link #ok}); an update takes either {@code If-Match} with that
 * ETag or the {@code version} in its body ({@link #expected}). A stale If-Match is 412 PRECONDITION_FAILED
 * here; a stale body version stays the service's 409 STALE_VERSION.
 */
public final class ApiVersions {

    private ApiVersions() {}

    /** A resource read, with its version as a strong ETag. */
    public static <T> ResponseEntity<T> ok(T body, int version) {
        return ResponseEntity.ok().eTag(etag(version)).body(body);
    }

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an update expects: the current one when If-Match names it (412 when it names another), else
     * the body's (400 when there is neither).
     */
    public static int expected(String ifMatch, Integer bodyVersion, int currentVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String current = etag(currentVersion);
            boolean matches = java.util.Arrays.stream(ifMatch.split(","))
                    .map(String::strip)
                    .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                    .anyMatch(tag -> tag.equals("*") || tag.equals(current));
            if (!matches) {
                throw new ApiPreconditionFailedException();
            }
            return currentVersion;
        }
        if (bodyVersion == null) {
            throw ApiParameters.missingVersion();
        }
        return bodyVersion;
    }

    /** If-Match named another version than the current one: 412. */
    public static class ApiPreconditionFailedException extends RuntimeException {
        ApiPreconditionFailedException() {
            super("If-Match does not match");
        }
    }
}
