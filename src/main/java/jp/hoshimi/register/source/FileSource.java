package jp.hoshimi.register.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import jp.hoshimi.register.source.RegisterSourceException.Reason;
import jp.hoshimi.register.source.Spool.Spooled;

/**
 * A register feed in a file, re-read when it changes: a file dropped by another system or an export put in
 * place by an administrator.
 *
 * <p>Every fetch copies the file (so the caller gets a snapshot of its own to parse and delete) and hashes
 * it. Validators: {@code etag} is {@code "<size>-<sha-256 of the content>"}, {@code lastModified} the file's
 * modification time (ISO-8601). The content decides: the same etag as before is {@link
 * FetchResult.NotModified}, whatever the time says (a file copied over with its old time, or touched
 * without a change). Reading a register file of some megabytes every poll costs less than missing a change.
 */
public final class FileSource implements RegisterSource {

    /** Same cap as {@link HttpFeedSource.Settings#defaults}. */
    public static final long DEFAULT_MAX_BYTES = 200_000_000L;

    private final Path file;
    private final FeedFormat format;
    private final Path spoolDir;
    private final long maxBytes;

    public FileSource(Path file, FeedFormat format) {
        this(file, format, null, DEFAULT_MAX_BYTES);
    }

    /**
     * @param spoolDir where the copy for the caller goes; null for the temporary directory
     */
    public FileSource(Path file, FeedFormat format, Path spoolDir, long maxBytes) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.format = Objects.requireNonNull(format, "format");
        this.spoolDir = spoolDir;
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public String id() {
        return "file:" + file;
    }

    @Override
    public FetchResult fetch(Validators previous) {
        return fetch(previous, null);
    }

    /**
     * Copies the file unless its content is unchanged since {@code previous}, checked by {@code check}
     * instead of as a register feed.
     *
     * @return {@link FetchResult.NotModified} or {@link FetchResult.Downloaded}
     */
    public FetchResult download(Validators previous, BodyCheck check) {
        return fetch(previous, Objects.requireNonNull(check, "check"));
    }

    private FetchResult fetch(Validators previous, BodyCheck check) {
        Validators before = previous == null ? Validators.none() : previous;
        BasicFileAttributes attributes = attributes();
        String lastModified = attributes.lastModifiedTime().toInstant().toString();
        if (attributes.size() > maxBytes) {
            throw new RegisterSourceException(
                    Reason.TOO_LARGE,
                    "the file has " + Bytes.exact(attributes.size()) + ", over the cap of " + Bytes.limit(maxBytes));
        }
        Spooled copy = copy();
        try {
            BasicFileAttributes after = attributes();
            if (after.size() != attributes.size() || !after.lastModifiedTime().equals(attributes.lastModifiedTime())) {
                throw new RegisterSourceException(
                        Reason.TRUNCATED,
                        "the file changed while it was read (still being written?); it is read again next time");
            }
            Validators validators = new Validators("\"" + copy.bytes() + "-" + copy.sha256() + "\"", lastModified);
            if (validators.etag().equals(before.etag())) {
                Spool.deleteQuietly(copy.file()); // touched, same content
                return new FetchResult.NotModified(validators, 1);
            }
            if (check != null) {
                check.body(copy.file());
                return new FetchResult.Downloaded(copy.file(), validators, copy.sha256(), copy.bytes(), 1);
            }
            BodySniffer.Start start = BodySniffer.start(copy.file());
            FeedFormat found = BodySniffer.formatOf(start, format);
            BodySniffer.check(start, found, false);
            return new FetchResult.Fetched(copy.file(), found, validators, copy.sha256(), copy.bytes(), 1);
        } catch (RuntimeException e) {
            Spool.deleteQuietly(copy.file());
            throw e;
        }
    }

    private BasicFileAttributes attributes() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new RegisterSourceException(Reason.FILE_NOT_FOUND, file + " is not a file");
            }
            return attributes;
        } catch (NoSuchFileException e) {
            throw new RegisterSourceException(Reason.FILE_NOT_FOUND, "there is no file " + file, 1, e);
        } catch (IOException e) {
            throw new RegisterSourceException(
                    Reason.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), 1, e);
        }
    }

    private Spooled copy() {
        Path target = Spool.newFile(spoolDir);
        try (InputStream in = Files.newInputStream(file)) {
            return Spool.copy(in, target, maxBytes, bytes -> {});
        } catch (IOException e) {
            Spool.deleteQuietly(target);
            throw new RegisterSourceException(
                    Reason.FILE_NOT_FOUND, "cannot read " + file + ": " + e.getMessage(), 1, e);
        } catch (RuntimeException e) {
            Spool.deleteQuietly(target);
            throw e;
        }
    }
}
