package jp.hoshimi.register.source;

import java.nio.file.Path;
import java.util.Objects;

/** What a successful {@link RegisterSource#fetch} gives: nothing new, or a complete, checked body. */
public sealed interface FetchResult {

    /** The validators to send with the next fetch. */
    Validators validators();

    /** How many requests this fetch made (1 for a file). */
    int attempts();

    /** 304 Not Modified, or (file source) unchanged content: there is nothing to parse. */
    record NotModified(Validators validators, int attempts) implements FetchResult {
        public NotModified {
            Objects.requireNonNull(validators, "validators");
        }
    }

    /**
     * A complete body, spooled to a file of its own: checked for size, completeness (Content-Length or the
     * last chunk) and content type, and that it plausibly is {@code format}. Parsing it is the caller's next
     * step ({@link FeedParser}). The caller deletes {@code body}.
     *
     * @param sha256 lower-case hex SHA-256 of the body, e.g. to see that an unchanged body came again
     */
    record Fetched(Path body, FeedFormat format, Validators validators, String sha256, long bytes, int attempts)
            implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(sha256, "sha256");
        }

        /** Deletes {@code body}, quietly: a left-over file in the spool directory does no harm. */
        public void deleteBody() {
            Spool.deleteQuietly(body);
        }
    }

    /**
     * A complete body fetched with {@link HttpFeedSource#download} (not a register feed: the caller's check
     * passed it). The caller deletes {@code body}.
     */
    record Downloaded(Path body, Validators validators, String sha256, long bytes, int attempts)
            implements FetchResult {
        public Downloaded {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(sha256, "sha256");
        }
    }
}
