package jp.hoshimi.shared.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How dates and times look in the UI: stored in UTC, shown in Japan time. */
public final class Formats {

    public static final ZoneId DISPLAY_ZONE = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Formats() {}

    /** A business date (already in Japan), e.g. a valid-until; "" for none. */
    public static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    public static String dateTime(LocalDateTime utc) {
        if (utc == null) {
            return "";
        }
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(DISPLAY_ZONE).format(DATE_TIME);
    }
}
