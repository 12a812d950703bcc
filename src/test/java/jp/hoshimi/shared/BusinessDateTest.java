package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The one business clock (issue 18): today and now, with and without a fixed date. */
class BusinessDateTest {

    // 2027-01-15 23:30 UTC is 2027-01-16 08:30 in Japan
    static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-15T23:30:00Z"), ZoneOffset.UTC);

    @Test
    void without_a_fixed_date_today_is_the_clocks_date_in_japan_and_now_is_the_clock() {
        BusinessDate business = new BusinessDate(CLOCK, "");

        assertThat(business.today()).isEqualTo(LocalDate.of(2027, 1, 16));
        assertThat(business.now()).isEqualTo(LocalDateTime.of(2027, 1, 15, 23, 30));
        assertThat(business.isFixed()).isFalse();
    }

    @Test
    void with_a_fixed_date_now_is_that_date_at_the_clocks_time_of_day_in_japan() {
        BusinessDate business = new BusinessDate(CLOCK, "2026-12-01");

        assertThat(business.today()).isEqualTo(LocalDate.of(2026, 12, 1));
        // 2026-12-01 08:30 in Japan, as a UTC timestamp like the stored ones
        assertThat(business.now()).isEqualTo(LocalDateTime.of(2026, 11, 30, 23, 30));
        assertThat(business.now()
                        .atOffset(ZoneOffset.UTC)
                        .atZoneSameInstant(BusinessDate.ZONE)
                        .toLocalDate())
                .isEqualTo(business.today());
    }

    @Test
    void a_clock_in_another_zone_still_gives_the_date_in_japan() {
        BusinessDate business = new BusinessDate(CLOCK.withZone(java.time.ZoneId.of("America/New_York")), null);

        assertThat(business.today()).isEqualTo(LocalDate.of(2027, 1, 16));
    }
}
