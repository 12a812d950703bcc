package jp.hoshimi.settings.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The buyer's policy: sub-contractor rule, expiry lead times per level, register staleness limit.
 * Auditors see the values read-only (no inputs to change, no save); the service refuses their saves too.
 */
@Route("settings")
@Menu(title = "nav.settings", icon = "vaadin:sliders", order = 55)
@RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class SettingsView extends VerticalLayout implements HasDynamicTitle {

    final RadioButtonGroup<SubcontractorPolicy> subcontractorPolicy = new RadioButtonGroup<>();
    static final List<StarLevel> EXPIRING_LEVELS = Arrays.stream(StarLevel.values())
            .filter(level -> !level.isSecurityAction())
            .toList();

    final Map<StarLevel, TextField> leadTimes = new EnumMap<>(StarLevel.class);
    final IntegerField stalenessHours = new IntegerField();
    final IntegerField exceptionMaxDays = new IntegerField(); // issue 20
    final Button save = new Button();
    private final SettingsService settings;
    private int version;

    SettingsView(SettingsService settings, CurrentUser user) {
        this.settings = settings;
        boolean mayEdit = user.hasRole(Role.RISK_MANAGER) || user.hasRole(Role.ADMIN);
        addClassName("settings-view");

        subcontractorPolicy.setLabel(getTranslation("settings.subcontractorPolicy"));
        subcontractorPolicy.setItems(SubcontractorPolicy.values());
        subcontractorPolicy.setItemLabelGenerator(p -> getTranslation("settings.subcontractorPolicy." + p.name()));
        subcontractorPolicy.addThemeName("vertical");

        FormLayout leadTimeForm = new FormLayout();
        // SECURITY ACTION (★1/★2) has no expiry, so it has no lead times to set
        for (StarLevel level : EXPIRING_LEVELS) {
            TextField field = new TextField(getTranslation(level.messageKey()));
            field.setHelperText(getTranslation("settings.leadTime.help"));
            field.setId("lead-time-" + level.name());
            leadTimes.put(level, field);
            leadTimeForm.add(field);
        }
        stalenessHours.setLabel(getTranslation("settings.staleness"));
        stalenessHours.setHelperText(getTranslation("settings.staleness.help"));
        stalenessHours.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("settings.hours")));
        stalenessHours.setMin(1);
        exceptionMaxDays.setId("exception-max-days");
        exceptionMaxDays.setLabel(getTranslation("settings.exceptionMaxDays"));
        exceptionMaxDays.setHelperText(getTranslation("settings.exceptionMaxDays.help"));
        exceptionMaxDays.setSuffixComponent(new com.vaadin.flow.component.html.Span(getTranslation("settings.days")));
        exceptionMaxDays.setMin(1);

        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("settings-save");
        save.addClickListener(click -> save());

        save.setVisible(mayEdit);
        Paragraph intro = new Paragraph(getTranslation(mayEdit ? "settings.intro" : "settings.readOnly"));
        intro.setId("settings-intro");
        add(
                new ViewToolbar(getTranslation("nav.settings"), save),
                intro,
                subcontractorPolicy,
                new H4(getTranslation("settings.leadTimes")),
                leadTimeForm,
                new H4(getTranslation("settings.register")),
                stalenessHours,
                new H4(getTranslation("settings.exceptions")),
                exceptionMaxDays);
        if (mayEdit) {
            // the letter templates have their own page (issue 19): long texts with a preview
            com.vaadin.flow.component.html.Anchor templates = new com.vaadin.flow.component.html.Anchor(
                    "settings/request-templates", getTranslation("settings.requestTemplates.link"));
            templates.setId("settings-request-templates");
            add(new H4(getTranslation("settings.requestTemplates")), templates);
        }
        load();
        if (!mayEdit) {
            subcontractorPolicy.setReadOnly(true);
            leadTimes.values().forEach(field -> field.setReadOnly(true));
            stalenessHours.setReadOnly(true);
            exceptionMaxDays.setReadOnly(true);
        }
    }

    private void load() {
        SettingsService.Versioned current = settings.current();
        version = current.version();
        PolicySettings policy = current.settings();
        subcontractorPolicy.setValue(policy.subcontractorPolicy());
        leadTimes.forEach((level, field) -> field.setValue(policy.leadTimeDays().getOrDefault(level, List.of()).stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", "))));
        stalenessHours.setValue(policy.stalenessHours());
        exceptionMaxDays.setValue(policy.exceptionMaxDays());
    }

    void save() {
        Map<StarLevel, List<Integer>> days = new EnumMap<>(StarLevel.class);
        Arrays.stream(StarLevel.values())
                .filter(StarLevel::isSecurityAction)
                .forEach(level -> days.put(level, List.of()));
        List<FieldProblem> unreadable = new ArrayList<>();
        leadTimes.forEach((level, field) -> {
            try {
                days.put(
                        level,
                        Arrays.stream(field.getValue().split("[,、\\s]+"))
                                .filter(part -> !part.isBlank())
                                .map(part -> Integer.valueOf(
                                        java.text.Normalizer.normalize(part, java.text.Normalizer.Form.NFKC)))
                                .sorted((a, b) -> b - a)
                                .toList());
            } catch (NumberFormatException e) {
                unreadable.add(FieldProblem.of("leadTime." + level.name(), "settings.leadTime.format"));
            }
        });
        try {
            if (!unreadable.isEmpty()) {
                throw new ValidationException(unreadable);
            }
            settings.save(
                    new PolicySettings(
                            subcontractorPolicy.getValue(),
                            days,
                            stalenessHours.getValue() == null ? 0 : stalenessHours.getValue(),
                            exceptionMaxDays.getValue() == null ? 0 : exceptionMaxDays.getValue()),
                    version);
            Notifications.success(getTranslation("settings.saved"));
            Problems.clear(this);
            load();
        } catch (ValidationException e) {
            Map<String, com.vaadin.flow.component.HasValidation> fields = new HashMap<>();
            leadTimes.forEach((level, field) -> fields.put("leadTime." + level.name(), field));
            fields.put("stalenessHours", stalenessHours);
            fields.put("exceptionMaxDays", exceptionMaxDays);
            String rest = Problems.show(this, e, fields);
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
            load();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.settings") + " | Hoshimi";
    }
}
