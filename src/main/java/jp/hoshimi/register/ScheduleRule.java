package jp.hoshimi.register;

import java.text.ParseException;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import org.quartz.CronExpression;

/**
 * When the register is synced, as an administrator says it: every N hours, daily at HH:MM, or (the
 * advanced option) a Quartz cron expression. All in Japan time. Each rule is a cron underneath, which
 * is what the clustered Quartz trigger stores.
 */
public sealed interface ScheduleRule {

    /** Hours that divide the day evenly, so "every N hours" really is every N hours, midnight included. */
    List<Integer> HOURS = List.of(1, 2, 3, 4, 6, 8, 12);

    TimeZone JAPAN = TimeZone.getTimeZone("Asia/Tokyo");

    /** The Quartz cron of this rule. @throws ValidationException when the rule is not valid */
    String cron();

    record EveryHours(int hours) implements ScheduleRule {
        @Override
        public String cron() {
            if (!HOURS.contains(hours)) {
                throw new ValidationException(FieldProblem.of("hours", "register.schedule.hours.invalid", hours));
            }
            return hours == 1 ? "0 0 * * * ?" : "0 0 0/" + hours + " * * ?";
        }
    }

    record DailyAt(LocalTime time) implements ScheduleRule {
        @Override
        public String cron() {
            if (time == null) {
                throw new ValidationException(FieldProblem.of("time", "validation.required"));
            }
            return "0 " + time.getMinute() + " " + time.getHour() + " * * ?";
        }
    }

    record Cron(String expression) implements ScheduleRule {
        @Override
        public String cron() {
            String stripped = expression == null ? "" : expression.strip();
            if (!CronExpression.isValidExpression(stripped)) {
                throw new ValidationException(FieldProblem.of("cron", "register.schedule.invalid", stripped));
            }
            return stripped;
        }
    }

    Pattern EVERY_HOURS = Pattern.compile("0 0 (?:\\*|0/(\\d+)) \\* \\* \\?");
    Pattern DAILY = Pattern.compile("0 (\\d{1,2}) (\\d{1,2}) \\* \\* \\?");

    /** The simplest rule that has this cron: so a stored schedule opens in the form it was made with. */
    static ScheduleRule of(String cron) {
        String expression = cron == null ? "" : cron.strip();
        Matcher hours = EVERY_HOURS.matcher(expression);
        if (hours.matches()) {
            int every = hours.group(1) == null ? 1 : Integer.parseInt(hours.group(1));
            if (HOURS.contains(every)) {
                return new EveryHours(every);
            }
        }
        Matcher daily = DAILY.matcher(expression);
        if (daily.matches()) {
            int minute = Integer.parseInt(daily.group(1));
            int hour = Integer.parseInt(daily.group(2));
            if (hour < 24 && minute < 60) {
                return new DailyAt(LocalTime.of(hour, minute));
            }
        }
        return new Cron(expression);
    }

    /** The next {@code count} runs after {@code after}, in Japan time. @throws ValidationException when invalid */
    default List<ZonedDateTime> nextRuns(ZonedDateTime after, int count) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron());
        } catch (ParseException e) {
            throw new ValidationException(FieldProblem.of("cron", "register.schedule.invalid", cron()));
        }
        expression.setTimeZone(JAPAN);
        List<ZonedDateTime> runs = new ArrayList<>();
        Date at = Date.from(after.toInstant());
        for (int i = 0; i < count; i++) {
            at = expression.getNextValidTimeAfter(at);
            if (at == null) {
                break;
            }
            runs.add(at.toInstant().atZone(JAPAN.toZoneId()));
        }
        return runs;
    }
}
