package jp.hoshimi.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today's date as the business judges it: in Japan (Asia/Tokyo), from the one application clock, or the
 * date fixed by {@code hoshimi.clock.fixed-date} (demos and acceptance checks evaluate "as of" a date;
 * timestamps of what happens keep the real clock). Every "today" and every count of days left of the
 * business comes from here (docs/decisions/0013-supplier-own-status-and-one-business-date.md), and so does
 * the business "now" that register freshness is judged by ({@link #now()}, docs/decisions/0036). The
 * architecture test forbids reading the system clock anywhere else.
 */
@Component
public class BusinessDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private final Clock clock;
    private final LocalDate fixed;

    public BusinessDate(Clock clock, @Value("${hoshimi.clock.fixed-date:}") String fixedDate) {
        this.clock = clock;
        this.fixed = fixedDate == null || fixedDate.isBlank() ? null : LocalDate.parse(fixedDate.strip());
    }

    public LocalDate today() {
        return fixed != null ? fixed : clock.instant().atZone(ZONE).toLocalDate();
    }

    /**
     * The business "now" as a UTC timestamp, comparable with the stored ones: the clock's time, or with a
     * fixed date that date at the clock's time of day in Japan, so {@code now()} always falls on {@link
     * #today()}. For what is judged against a business moment (how old the register is, whether it is
     * stale); what happens (a save, a sync, a mail) is stamped with the clock itself.
     */
    public LocalDateTime now() {
        var tokyo = clock.instant().atZone(ZONE);
        if (fixed != null) {
            tokyo = tokyo.with(fixed);
        }
        return tokyo.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    /**
     * Days left until {@code validUntil} as of the business today: the one count of days that screens,
     * mails and alerts show (0 on the last valid day, negative once past).
     */
    public long daysUntil(LocalDate validUntil) {
        return daysBetween(today(), validUntil);
    }

    /** Calendar days from one business date to another (the count behind {@link #daysUntil}). */
    public static long daysBetween(LocalDate from, LocalDate until) {
        return ChronoUnit.DAYS.between(from, until);
    }

    public boolean isFixed() {
        return fixed != null;
    }
}
