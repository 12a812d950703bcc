package jp.hoshimi.legalentity.source;

import java.util.Objects;
import jp.hoshimi.register.source.HttpFeedSource;

/**
 * An NTA difference file from a company mirror over HTTP(S): the register's {@link HttpFeedSource} with its
 * conditional GET, timeouts, retries, size cap and completeness checks; an unchanged file (304, or the same
 * ETag) is {@link NtaFetch.Unchanged}.
 */
public final class NtaMirrorSource implements NtaSource {

    private final HttpFeedSource http;
    private final NtaEdition edition;

    public NtaMirrorSource(HttpFeedSource http, NtaEdition edition) {
        this.http = Objects.requireNonNull(http, "http");
        this.edition = Objects.requireNonNull(edition, "edition");
    }

    @Override
    public String id() {
        return http.id();
    }

    @Override
    public NtaFetch fetch(NtaCursor cursor) {
        return NtaDownloads.of(
                http.download(http.settings().url(), cursor.validators(), NtaFileCheck.INSTANCE),
                edition,
                cursor,
                id());
    }
}
