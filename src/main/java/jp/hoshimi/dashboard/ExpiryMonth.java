package jp.hoshimi.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One month of the expiry timeline: the contracts whose earliest chain registration ends in it, by
 * required level. {@code from} is the first day counted (today in the current month), {@code to} the last.
 */
public record ExpiryMonth(YearMonth month, LocalDate from, LocalDate to, Map<RequiredLevel, Long> byLevel) {

    public ExpiryMonth {
        byLevel = Map.copyOf(byLevel);
    }

    public long total() {
        return byLevel.values().stream().mapToLong(Long::longValue).sum();
    }
}
