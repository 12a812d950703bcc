package jp.hoshimi.register.source;

/**
 * The line on which each 法人番号 of a feed was first seen, so that one named twice is refused with both
 * lines. Open addressing over two arrays of longs: a {@code HashMap<String, Long>} of 200,000 entries, with a
 * boxed line and a node each and its resizing, was an eighth of the parser's time.
 */
final class FirstLines {

    private static final int INITIAL = 1 << 12;

    /** The number plus one; 0 is an empty slot. */
    private long[] keys = new long[INITIAL];

    private long[] lines = new long[INITIAL];
    private int size;

    /**
     * Remembers {@code line} for a number not seen before and returns -1; for a number seen before, returns the
     * line it was first seen on and remembers nothing.
     *
     * @param number a 法人番号 as a number (13 digits: never negative)
     */
    long putIfAbsent(long number, long line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long key = number + 1;
        int at = slot(key, keys.length);
        while (keys[at] != 0) {
            if (keys[at] == key) {
                return lines[at];
            }
            at = (at + 1) & (keys.length - 1);
        }
        keys[at] = key;
        lines[at] = line;
        size++;
        return -1;
    }

    private static int slot(long key, int capacity) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & (capacity - 1);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int at = slot(oldKeys[i], keys.length);
                while (keys[at] != 0) {
                    at = (at + 1) & (keys.length - 1);
                }
                keys[at] = oldKeys[i];
                lines[at] = oldLines[i];
            }
        }
    }
}
