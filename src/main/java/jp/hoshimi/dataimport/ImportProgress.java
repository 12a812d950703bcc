package jp.hoshimi.dataimport;

/**
 * How far a run has got: its phase, the rows done and (once known) the rows in all, and its place in the
 * line while it waits (1 = next).
 */
public record ImportProgress(Phase phase, int done, int total, int queuePosition) {

    public enum Phase {
        WAITING,
        READING,
        CHECKING,
        APPLYING;

        public String messageKey() {
            return "import.phase." + name();
        }
    }

    /** 0..1, or -1 when the total is not known yet (reading). */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
