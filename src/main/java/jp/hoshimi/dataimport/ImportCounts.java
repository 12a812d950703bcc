package jp.hoshimi.dataimport;

/** How many data rows are new, changed, unchanged or in error. */
public record ImportCounts(int total, int added, int changed, int unchanged, int error) {

    public static ImportCounts zero() {
        return new ImportCounts(0, 0, 0, 0, 0);
    }

    public ImportCounts plus(RowOutcome outcome) {
        return new ImportCounts(
                total + 1,
                added + (outcome == RowOutcome.NEW ? 1 : 0),
                changed + (outcome == RowOutcome.CHANGED ? 1 : 0),
                unchanged + (outcome == RowOutcome.UNCHANGED ? 1 : 0),
                error + (outcome == RowOutcome.ERROR ? 1 : 0));
    }

    public int of(RowOutcome outcome) {
        return switch (outcome) {
            case NEW -> added;
            case CHANGED -> changed;
            case UNCHANGED -> unchanged;
            case ERROR -> error;
        };
    }
}
