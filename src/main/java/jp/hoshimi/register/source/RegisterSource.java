package jp.hoshimi.register.source;

/** Where a register feed comes from. Implementations are safe to call from one thread at a time. */
public interface RegisterSource {

    /** Identifies the source in sync run records, e.g. "http:https://example.jp/feed.csv", "file:/path". */
    String id();

    /**
     * Fetches the feed unless it is unchanged since {@code previous}.
     *
     * @param previous the validators of the last good fetch, or {@link Validators#none()}
     * @throws RegisterSourceException when no complete, plausible body could be had; nothing is left behind
     */
    FetchResult fetch(Validators previous);
}
