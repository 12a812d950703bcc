package jp.hoshimi.register.source;

/**
 * What identifies the content of the last good fetch, sent back on the next one so that an unchanged
 * register costs no download. For HTTP these are the server's {@code ETag} and {@code Last-Modified}
 * headers as received; for a file see {@link FileSource}. Either or both may be null.
 */
public record Validators(String etag, String lastModified) {

    private static final Validators NONE = new Validators(null, null);

    /** No validators: the first fetch, or a server that sends none. */
    public static Validators none() {
        return NONE;
    }

    /** True when neither validator is known, so a fetch cannot be conditional. */
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
