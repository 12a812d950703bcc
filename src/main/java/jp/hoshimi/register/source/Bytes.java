package jp.hoshimi.register.source;

import java.util.Locale;

/** Byte counts for people. */
final class Bytes {

    private Bytes() {}

    /** A measured or announced size: "1 byte", "5,000,000 bytes". */
    static String exact(long bytes) {
        return String.format(Locale.ROOT, bytes == 1 ? "%,d byte" : "%,d bytes", bytes);
    }

    /** A configured limit: "200 MB" when it is a round number of megabytes, else exact. */
    static String limit(long bytes) {
        if (bytes >= 1_000_000 && bytes % 1_000_000 == 0) {
            return String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
        }
        return exact(bytes);
    }
}
