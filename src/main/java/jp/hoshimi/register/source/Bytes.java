package jp.hoshimi.register.source;

import java.util.Locale;

/** Byte counts for people: "1,234 bytes", "200 MB". */
final class Bytes {

    private Bytes() {}

    static String format(long bytes) {
        if (bytes >= 1_000_000 && bytes % 1_000_000 == 0) {
            return String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
        }
        return String.format(Locale.ROOT, bytes == 1 ? "%,d byte" : "%,d bytes", bytes);
    }
}
