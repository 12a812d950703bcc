package jp.hoshimi.legalentity;

/**
 * How far the partial-name ("contains") index of the candidate search is built. After a very first NTA file
 * its name fragments are built in chunks after the load has committed (docs/decisions/0046); until then
 * "contains" finds only the corporations built so far, while equal names and readings are found as always.
 *
 * @param pending true while the build is still going
 * @param built corporations whose fragments are built
 * @param total corporations to build (those of the first file)
 */
public record NameIndexProgress(boolean pending, long built, long total) {

    public static final NameIndexProgress COMPLETE = new NameIndexProgress(false, 0, 0);

    /** Done so far, 0–100 (99 at most while pending, so "100 %" never shows beside "still indexing"). */
    public int percent() {
        if (!pending) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, built * 100 / total);
    }
}
