package jp.hoshimi.register.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.register.EditableSchedule;
import jp.hoshimi.register.ScheduleRule;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * The sync schedule as an administrator thinks of it: every N hours, or daily at HH:MM (Japan time),
 * with a Quartz cron as the advanced option. Shows the next runs of what is entered before it is saved.
 */
public class ScheduleEditor extends Composite<VerticalLayout> {

    enum Mode {
        EVERY_HOURS,
        DAILY,
        CRON
    }

    private static final DateTimeFormatter RUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PREVIEW_RUNS = 3;

    final RadioButtonGroup<Mode> mode = new RadioButtonGroup<>();
    final Select<Integer> hours = new Select<>();
    final TimePicker time = ComponentTexts.timePicker(getTranslation("register.schedule.time"));
    final TextField cron = new TextField(getTranslation("register.schedule.label"));
    final Paragraph nextRuns = new Paragraph();
    final Button save = new Button(getTranslation("register.schedule.save"));
    private final EditableSchedule schedule;

    public ScheduleEditor(EditableSchedule schedule) {
        this.schedule = schedule;
        mode.setLabel(getTranslation("register.schedule.mode"));
        mode.setItems(Mode.values());
        mode.setItemLabelGenerator(m -> getTranslation("register.schedule.mode." + m.name()));
        mode.setId("register-schedule-mode");
        hours.setLabel(getTranslation("register.schedule.hours"));
        hours.setItems(ScheduleRule.HOURS);
        hours.setItemLabelGenerator(h -> getTranslation("register.schedule.hours.item", h));
        hours.setId("register-schedule-hours");
        time.setStep(Duration.ofMinutes(15));
        time.setId("register-schedule-time");
        cron.setId("register-cron");
        cron.setWidth("20em");
        cron.setHelperText(getTranslation("register.schedule.help"));
        cron.setValueChangeMode(ValueChangeMode.LAZY);
        nextRuns.setId("register-schedule-next");
        nextRuns.addClassName("import-help");
        save.setId("register-schedule-save");
        save.addClickListener(e -> save());

        mode.addValueChangeListener(e -> showMode());
        hours.addValueChangeListener(e -> preview());
        time.addValueChangeListener(e -> preview());
        cron.addValueChangeListener(e -> preview());

        HorizontalLayout inputs = new HorizontalLayout(hours, time, cron, save);
        inputs.setAlignItems(FlexComponent.Alignment.BASELINE);
        inputs.getStyle().set("flex-wrap", "wrap");
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.setSpacing(false);
        layout.add(mode, inputs, nextRuns);
        load();
    }

    private void load() {
        ScheduleRule current = schedule.currentRule().orElse(new ScheduleRule.EveryHours(6));
        hours.setValue(current instanceof ScheduleRule.EveryHours every ? every.hours() : 6);
        time.setValue(current instanceof ScheduleRule.DailyAt daily ? daily.time() : LocalTime.of(6, 0));
        cron.setValue(current.cron());
        mode.setValue(modeOf(current));
    }

    private static Mode modeOf(ScheduleRule rule) {
        if (rule instanceof ScheduleRule.EveryHours) {
            return Mode.EVERY_HOURS;
        }
        return rule instanceof ScheduleRule.DailyAt ? Mode.DAILY : Mode.CRON;
    }

    private void showMode() {
        hours.setVisible(mode.getValue() == Mode.EVERY_HOURS);
        time.setVisible(mode.getValue() == Mode.DAILY);
        cron.setVisible(mode.getValue() == Mode.CRON);
        preview();
    }

    /** The rule as entered. */
    ScheduleRule rule() {
        return switch (mode.getValue() == null ? Mode.EVERY_HOURS : mode.getValue()) {
            case EVERY_HOURS -> new ScheduleRule.EveryHours(hours.getValue() == null ? 0 : hours.getValue());
            case DAILY -> new ScheduleRule.DailyAt(time.getValue());
            case CRON -> new ScheduleRule.Cron(cron.getValue());
        };
    }

    /** Shows when the entered rule would run next, or what is wrong with it. */
    boolean preview() {
        try {
            List<ZonedDateTime> runs = schedule.preview(rule(), PREVIEW_RUNS);
            clearErrors();
            nextRuns.setText(getTranslation(
                    "register.schedule.next", runs.stream().map(RUN::format).collect(Collectors.joining("、"))));
            return true;
        } catch (ValidationException problem) {
            String rest = Problems.show(this, problem, fields());
            nextRuns.setText(rest);
            return false;
        }
    }

    void save() {
        if (!preview()) {
            return;
        }
        try {
            ScheduleRule saved = rule();
            schedule.change(saved);
            cron.setValue(saved.cron()); // the advanced view shows what was saved
            Notifications.success(getTranslation("register.schedule.saved", nextRuns.getText()));
        } catch (ValidationException problem) {
            Problems.show(this, problem, fields());
        }
    }

    private void clearErrors() {
        fields().values().forEach(field -> field.setInvalid(false));
    }

    private Map<String, HasValidation> fields() {
        return Map.of("hours", hours, "time", time, "cron", cron);
    }
}
