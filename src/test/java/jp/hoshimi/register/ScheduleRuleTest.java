package jp.hoshimi.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.junit.jupiter.api.Test;

class ScheduleRuleTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void every_n_hours_and_daily_at_become_the_quartz_cron_they_mean() {
        assertThat(new ScheduleRule.EveryHours(6).cron()).isEqualTo("0 0 0/6 * * ?");
        assertThat(new ScheduleRule.EveryHours(1).cron()).isEqualTo("0 0 * * * ?");
        assertThat(new ScheduleRule.DailyAt(LocalTime.of(6, 30)).cron()).isEqualTo("0 30 6 * * ?");
        assertThat(new ScheduleRule.Cron(" 0 15 10 ? * MON-FRI ").cron()).isEqualTo("0 15 10 ? * MON-FRI");
    }

    @Test
    void a_stored_cron_opens_as_the_simple_rule_it_was_made_with() {
        assertThat(ScheduleRule.of("0 0 0/6 * * ?")).isEqualTo(new ScheduleRule.EveryHours(6));
        assertThat(ScheduleRule.of("0 0 * * * ?")).isEqualTo(new ScheduleRule.EveryHours(1));
        assertThat(ScheduleRule.of("0 30 6 * * ?")).isEqualTo(new ScheduleRule.DailyAt(LocalTime.of(6, 30)));
        // not a whole divisor of the day: stays an expression, not "every 5 hours"
        assertThat(ScheduleRule.of("0 0 0/5 * * ?")).isEqualTo(new ScheduleRule.Cron("0 0 0/5 * * ?"));
        assertThat(ScheduleRule.of("0 15 10 ? * MON-FRI")).isInstanceOf(ScheduleRule.Cron.class);
    }

    @Test
    void bad_input_is_refused_on_its_field() {
        assertThatThrownBy(() -> new ScheduleRule.EveryHours(5).cron())
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("hours"));
        assertThatThrownBy(() -> new ScheduleRule.DailyAt(null).cron())
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("time"));
        assertThatThrownBy(() -> new ScheduleRule.Cron("every day please").cron())
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("cron");
                            assertThat(p.arguments()).containsExactly("every day please");
                        }));
    }

    @Test
    void the_next_runs_are_in_japan_time() {
        ZonedDateTime after = ZonedDateTime.of(2026, 12, 1, 7, 0, 0, 0, TOKYO);

        assertThat(new ScheduleRule.DailyAt(LocalTime.of(6, 30)).nextRuns(after, 2))
                .containsExactly(
                        ZonedDateTime.of(2026, 12, 2, 6, 30, 0, 0, TOKYO),
                        ZonedDateTime.of(2026, 12, 3, 6, 30, 0, 0, TOKYO));
        assertThat(new ScheduleRule.EveryHours(6).nextRuns(after, 3))
                .containsExactly(
                        ZonedDateTime.of(2026, 12, 1, 12, 0, 0, 0, TOKYO),
                        ZonedDateTime.of(2026, 12, 1, 18, 0, 0, 0, TOKYO),
                        ZonedDateTime.of(2026, 12, 2, 0, 0, 0, 0, TOKYO));
        assertThat(new ScheduleRule.Cron("0 0 0 1 1 ? 2020").nextRuns(after, 1)).isEmpty();
    }
}
