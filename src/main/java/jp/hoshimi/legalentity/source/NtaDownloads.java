package jp.hoshimi.legalentity.source;

import jp.hoshimi.register.source.FetchResult;

/** A register-source download as an NTA fetch. */
final class NtaDownloads {

    private NtaDownloads() {}

    static NtaFetch of(FetchResult result, NtaEdition edition, NtaCursor cursor, String what) {
        if (result instanceof FetchResult.Downloaded downloaded) {
            return new NtaFetch.Fetched(
                    downloaded.body(),
                    edition,
                    new NtaCursor(downloaded.validators(), cursor.fetchedThrough()),
                    downloaded.bytes(),
                    what);
        }
        return new NtaFetch.Unchanged(new NtaCursor(result.validators(), cursor.fetchedThrough()));
    }
}
