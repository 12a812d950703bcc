package jp.hoshimi.shared;

/**
 * How many rows a list has: exactly {@code value}, or, when counting stopped at a cap, at least
 * {@code value} ("10,000+"). Counting every one of 200,000 rows costs more than a page of them, and
 * nobody reads past the first few thousand; the grids still scroll through every row.
 */
public record ResultCount(int value, boolean lowerBound) {

    /** Where list counts stop unless {@code hoshimi.list.count-cap} says otherwise. */
    public static final int DEFAULT_CAP = 10_000;

    public ResultCount {
        if (value < 0) {
            throw new IllegalArgumentException("negative count: " + value);
        }
    }

    public static ResultCount exactly(int value) {
        return new ResultCount(value, false);
    }

    public static ResultCount atLeast(int value) {
        return new ResultCount(value, true);
    }

    /** The count of a query that fetched at most {@code cap + 1} rows and found {@code found}. */
    public static ResultCount ofCapped(int found, int cap) {
        return found > cap ? atLeast(cap) : exactly(found);
    }

    public boolean isExact() {
        return !lowerBound;
    }

    public boolean isZero() {
        return value == 0 && !lowerBound;
    }
}
