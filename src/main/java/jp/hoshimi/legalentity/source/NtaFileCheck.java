package jp.hoshimi.legalentity.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import jp.hoshimi.register.source.BodyCheck;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.RegisterSourceException.Reason;

/**
 * What a fetched NTA file must plausibly be before it is loaded: a zip, or a CSV whose first row starts
 * with a sequence number. The loader's {@link NtaFileReader} then checks every byte; this only turns away
 * an error page or a document of another kind with a plain reason, early.
 */
final class NtaFileCheck implements BodyCheck {

    static final NtaFileCheck INSTANCE = new NtaFileCheck();

    private static final Set<String> TYPES = Set.of(
            "",
            "application/zip",
            "application/x-zip-compressed",
            "application/octet-stream",
            "text/csv",
            "application/csv",
            "text/plain");

    @Override
    public String accept() {
        return "application/zip, text/csv, application/octet-stream;q=0.5";
    }

    @Override
    public void contentType(String mime) {
        if (!TYPES.contains(mime)) {
            throw new RegisterSourceException(
                    Reason.WRONG_CONTENT_TYPE, "Content-Type " + mime + " is not an NTA file (expected a zip or CSV)");
        }
    }

    @Override
    public void body(Path file) {
        byte[] start = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new RegisterSourceException(Reason.SPOOL_FAILED, "cannot read back " + file + ": " + e.getMessage());
        }
        if (n == 0) {
            throw new RegisterSourceException(Reason.EMPTY, "the file is empty");
        }
        boolean zip = n >= 2 && start[0] == 'P' && start[1] == 'K';
        boolean bom = n >= 3 && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB && (start[2] & 0xff) == 0xBF;
        boolean row = start[0] >= '0' && start[0] <= '9' || start[0] == '"';
        if (!zip && !bom && !row) {
            throw new RegisterSourceException(
                    Reason.MALFORMED, "this is not an NTA file: it is neither a zip nor a CSV of numbered rows");
        }
    }
}
