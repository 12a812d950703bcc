package jp.hoshimi.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Today's date as the business judges it: in Japan (Asia/Tokyo), from the one application clock, or the
 * date fixed by {@code hoshimi.clock.fixed-date} (demos and acceptance checks evaluate "as of" a date;
 * timestamps of what happens keep the real clock).
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
        return fixed != null ? fixed : LocalDate.now(clock.withZone(ZONE));
    }

    public boolean isFixed() {
        return fixed != null;
    }
}
