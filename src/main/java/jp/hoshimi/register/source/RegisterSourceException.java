package jp.hoshimi.register.source;

import java.util.Locale;
import java.util.Objects;
import jp.hoshimi.shared.Text;

/**
 * A fetch or parse failed; nothing of it may be used. {@link #detail()} says what happened in plain words,
 * fit for the sync run record (e.g. "HTTP 503 Service Unavailable after 4 attempts", "line 1234: invalid
 * 法人番号 '123' (must have exactly 13 digits)").
 */
public final class RegisterSourceException extends RuntimeException {

    /** Why a fetch or parse failed. */
    public enum Reason {
        /** No connection: refused, unknown host, no route, or no connection within the connect timeout. */
        CONNECT_FAILED,
        /** The server stopped answering: no response headers, or no body bytes, within the read timeout. */
        TIMEOUT,
        /** The whole fetch (all attempts, waits and the body) did not finish within the overall deadline. */
        DEADLINE_EXCEEDED,
        /** The server answered with a status other than 200 or 304 (4xx other than 429, or 5xx to the end). */
        HTTP_STATUS,
        /** 429 Too Many Requests to the end, or a Retry-After beyond the deadline. */
        RATE_LIMITED,
        /** The body is larger than the configured cap (declared or counted). */
        TOO_LARGE,
        /** The body ended early: fewer bytes than Content-Length, or a chunked body without its last chunk. */
        TRUNCATED,
        /** The connection was reset while the response was being read. */
        CONNECTION_RESET,
        /** The Content-Type is not one a register feed may have, or does not match the configured format. */
        WRONG_CONTENT_TYPE,
        /** A 200 answer that is an HTML page (typically "under maintenance") instead of the feed. */
        MAINTENANCE_PAGE,
        /** The body is not a valid feed of the expected format; the detail names the line. */
        MALFORMED,
        /** The body, or the feed in it, has no entries. */
        EMPTY,
        /** The file source's file does not exist or cannot be read. */
        FILE_NOT_FOUND,
        /** The fetching thread was interrupted (typically the application shutting down). */
        INTERRUPTED,
        /** The body could not be written to or read back from the local spool directory (disk full?). */
        SPOOL_FAILED
    }

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final int attempts;
    private final String detail;
    /** Where in the feed, when a place is known (a line, a row, an entry). */
    private final transient Text where;
    /** What is wrong there, in words a screen shows in the reader's language. */
    private final transient Text what;

    public RegisterSourceException(Reason reason, String detail) {
        this(reason, detail, 1, null);
    }

    public RegisterSourceException(Reason reason, String detail, int attempts, Throwable cause) {
        this(reason, null, Text.asIs(Objects.requireNonNull(detail, "detail")), attempts, cause);
    }

    /** A feed refused for {@code what}, found at {@code where} (or nowhere in particular: null). */
    public RegisterSourceException(Reason reason, Text where, Text what) {
        this(reason, where, what, 1, null);
    }

    public RegisterSourceException(Reason reason, Text where, Text what, int attempts, Throwable cause) {
        super(
                codeOf(Objects.requireNonNull(reason, "reason")) + ": "
                        + located(where, what).english(),
                cause);
        this.reason = reason;
        this.attempts = attempts;
        this.where = where;
        this.what = Objects.requireNonNull(what, "what");
        this.detail = located(where, what).english();
    }

    private static Text located(Text where, Text what) {
        return where == null ? what : Text.of("feed.located", where, what);
    }

    public Reason reason() {
        return reason;
    }

    /** How many requests were made (1 for a file or a parse). */
    public int attempts() {
        return attempts;
    }

    /** What happened, in plain English words (logs, run records). */
    public String detail() {
        return detail;
    }

    /** What happened, where it happened, for a screen to show in its reader's language. */
    public Text text() {
        return located(where, what);
    }

    /** Where in the feed, or null when the failure is not at one place. */
    public Text where() {
        return where;
    }

    /** What is wrong, without the place. */
    public Text what() {
        return what;
    }

    /** Stable code for APIs and message keys, e.g. "register.source.deadline-exceeded". */
    public String code() {
        return codeOf(reason);
    }

    private static String codeOf(Reason reason) {
        return "register.source." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
