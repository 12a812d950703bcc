package jp.hoshimi.register.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import jp.hoshimi.register.source.Spool.Spooled;

/**
 * A register export an administrator uploaded: read at once into a file of its own (counted and hashed on
 * the way), told apart by its content (CSV, JSON or .xlsx, whatever its name says), and then a source whose
 * fetch yields that body, so that the same checks and apply as for a fetched feed follow. Closing it deletes
 * the file.
 */
public final class UploadedFeed implements RegisterSource, AutoCloseable {

    private final String id;
    private final Spooled body;
    private final FeedFormat format;

    private UploadedFeed(String id, Spooled body, FeedFormat format) {
        this.id = id;
        this.body = body;
        this.format = format;
    }

    /**
     * Reads {@code content} to its end into a new file in {@code spoolDir} (null: the temporary directory), and
     * closes it. Nothing is left behind when this throws.
     *
     * @param fileName the name it was uploaded as, for the run's record; null when unknown
     * @throws IOException reading {@code content} failed
     * @throws RegisterSourceException SPOOL_FAILED when the file cannot be written
     */
    public static UploadedFeed spool(String fileName, InputStream content, Path spoolDir) throws IOException {
        Objects.requireNonNull(content, "content");
        Path file = Spool.newFile(spoolDir);
        try (InputStream in = content) {
            Spooled body = Spool.copy(in, file, Long.MAX_VALUE, bytes -> {});
            FeedFormat format = BodySniffer.guess(BodySniffer.start(file));
            return new UploadedFeed(
                    "upload:" + (fileName == null ? "file" : Path.of(fileName).getFileName()), body, format);
        } catch (IOException | RuntimeException e) {
            Spool.deleteQuietly(file);
            throw e;
        }
    }

    /** "upload:" and the file's name. */
    @Override
    public String id() {
        return id;
    }

    /**
     * The uploaded body, whatever {@code previous} says (the caller sees an unchanged body by its hash). The
     * caller deletes it, or closes this.
     */
    @Override
    public FetchResult fetch(Validators previous) {
        return new FetchResult.Fetched(body.file(), format, Validators.none(), body.sha256(), body.bytes(), 1);
    }

    /** Deletes the uploaded body. */
    @Override
    public void close() {
        Spool.deleteQuietly(body.file());
    }
}
