package jp.hoshimi.legalentity.source;

import java.nio.file.Path;
import java.util.Objects;

/** What a successful {@link NtaSource#fetch} gives: nothing new, or a complete file on disk to load. */
public sealed interface NtaFetch {

    /** The cursor to keep once this fetch is applied (or, when unchanged, at once). */
    NtaCursor next();

    /** The file or mirror is unchanged, or the Web-API has no new day yet. */
    record Unchanged(NtaCursor next) implements NtaFetch {}

    /**
     * A complete NTA file (a zip of one CSV, or the CSV) in {@code edition}, spooled to a file of its own
     * that the caller loads and deletes.
     *
     * @param description what was fetched, for the run record (e.g. "diff 2026-12-01..2026-12-07, 2 pages")
     */
    record Fetched(Path file, NtaEdition edition, NtaCursor next, long bytes, String description) implements NtaFetch {
        public Fetched {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(edition, "edition");
            Objects.requireNonNull(next, "next");
        }
    }
}
