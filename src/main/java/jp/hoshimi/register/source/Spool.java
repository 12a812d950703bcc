package jp.hoshimi.register.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;
import jp.hoshimi.register.source.RegisterSourceException.Reason;

/** Copies a feed body to a file of its own, counting and hashing it on the way. */
final class Spool {

    /** A body on disk. */
    record Spooled(Path file, String sha256, long bytes) {}

    private Spool() {}

    /** A new, empty file for a body, in {@code dir} or (null) the temporary directory. */
    static Path newFile(Path dir) {
        try {
            if (dir == null) {
                return Files.createTempFile("register-feed-", ".part");
            }
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "register-feed-", ".part");
        } catch (IOException e) {
            throw failed("cannot create a spool file in " + (dir == null ? "the temporary directory" : dir), e);
        }
    }

    /**
     * Copies {@code in} to {@code file} to the end of {@code in}.
     *
     * @param progress told the byte count after every read, from the copying thread
     * @throws IOException reading {@code in} failed
     * @throws RegisterSourceException TOO_LARGE as soon as more than {@code maxBytes} arrive; SPOOL_FAILED when
     *     the file cannot be written (so a full disk is not mistaken for a broken connection)
     */
    static Spooled copy(InputStream in, Path file, long maxBytes, LongConsumer progress) throws IOException {
        MessageDigest sha256 = sha256();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        OutputStream out;
        try {
            // never CREATE: a reader given up on must not bring back a file its caller deleted
            out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw failed("cannot write " + file, e);
        }
        try (out) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                progress.accept(total);
                if (total > maxBytes) {
                    throw new RegisterSourceException(
                            Reason.TOO_LARGE, "the body is larger than the cap of " + Bytes.limit(maxBytes));
                }
                sha256.update(buffer, 0, n);
                write(out, buffer, n, file);
            }
        }
        return new Spooled(file, HexFormat.of().formatHex(sha256.digest()), total);
    }

    private static void write(OutputStream out, byte[] buffer, int length, Path file) {
        try {
            out.write(buffer, 0, length);
        } catch (IOException e) {
            throw failed("cannot write " + file, e);
        }
    }

    static RegisterSourceException failed(String what, IOException e) {
        return new RegisterSourceException(Reason.SPOOL_FAILED, what + ": " + e.getMessage(), 1, e);
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a left-over spool file in the temporary directory is harmless; the failure that led here matters
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
