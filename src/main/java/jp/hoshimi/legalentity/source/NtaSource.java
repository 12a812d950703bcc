package jp.hoshimi.legalentity.source;

/**
 * Where NTA difference data comes from (the port, in the style of {@link
 * jp.hoshimi.register.source.RegisterSource}): a file path, a company mirror over HTTP, or the NTA Web-API.
 * Every failure is a {@link jp.hoshimi.register.source.RegisterSourceException} with a reason and a detail
 * in plain words; a failed fetch leaves nothing behind. One fetch at a time per instance.
 */
public interface NtaSource {

    /** Identifies the source in run records, e.g. "file:/srv/nta/diff.zip"; never holds a secret. */
    String id();

    /** Fetches what is new since {@code cursor} (a file's validators, the API's last date fetched). */
    NtaFetch fetch(NtaCursor cursor);
}
