package jp.hoshimi.legalentity.source;

/**
 * Bounds on a file: the largest uncompressed CSV, and how many times larger than the zip its content
 * may be (a real NTA zip expands about five times; a zip bomb expands thousands of times).
 */
public record NtaLimits(long maxCsvBytes, long maxExpansion) {

    /** 8 GB of CSV (the real full file is about 2.5 GB) and 100 times the zip. */
    public static final NtaLimits DEFAULT = new NtaLimits(8L << 30, 100);
}
