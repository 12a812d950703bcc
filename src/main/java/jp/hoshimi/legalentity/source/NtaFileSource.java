package jp.hoshimi.legalentity.source;

import java.nio.file.Path;
import java.util.Objects;
import jp.hoshimi.register.source.FeedFormat;
import jp.hoshimi.register.source.FileSource;

/**
 * An NTA difference file at a configured path (dropped there by another system or an administrator), read
 * again when its content changes: the register's {@link FileSource} copies and hashes it, so the same file
 * twice is {@link NtaFetch.Unchanged}.
 */
public final class NtaFileSource implements NtaSource {

    private final FileSource file;
    private final NtaEdition edition;

    public NtaFileSource(Path path, NtaEdition edition, Path spoolDir, long maxBytes) {
        // the register's feed format is not used by a download; CSV only satisfies its constructor
        this.file = new FileSource(path, FeedFormat.CSV, spoolDir, maxBytes);
        this.edition = Objects.requireNonNull(edition, "edition");
    }

    @Override
    public String id() {
        return file.id();
    }

    @Override
    public NtaFetch fetch(NtaCursor cursor) {
        return NtaDownloads.of(file.download(cursor.validators(), NtaFileCheck.INSTANCE), edition, cursor, id());
    }
}
