package jp.hoshimi.register.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.register.MappingDraft;
import jp.hoshimi.register.NoRegisterSourceException;
import jp.hoshimi.register.RegisterMapping;
import jp.hoshimi.register.RegisterMappingService;
import jp.hoshimi.register.RegisterMappingService.Preview;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.FeedParser;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * How each register's feed names its fields and writes its values (issue 23). "Try before use": a sample
 * file, or one fetch of the configured source, is read with the mapping as typed — the first entries as
 * Hoshimi reads them, every rejected entry and why, the count — and nothing is stored until "Save".
 */
@Route("register/mapping")
@RolesAllowed(Role.ADMIN_NAME)
class RegisterMappingView extends VerticalLayout implements HasDynamicTitle {

    private static final List<String> FIELDS = List.of(
            "corporateNumber", "name", "level", "registeredOn", "validUntil", "status", "scope", "assessmentBody");

    private final RegisterMappingService mappings;
    final Select<RegisterKind> kind = new Select<>();
    final Map<String, ComboBox<String>> fields = new LinkedHashMap<>();
    final TextField entriesPath = new TextField();
    final TextArea levelValues = new TextArea();
    final TextArea statusValues = new TextArea();
    final ComboBox<String> datePattern = ComponentTexts.comboBox("");
    final Select<String> encoding = new Select<>();
    final Upload upload = ComponentTexts.upload();
    final Paragraph changed = new Paragraph();
    final Paragraph summary = new Paragraph();
    final Grid<FeedEntry> firstEntries = new Grid<>();
    final Grid<FeedParser.Rejection> rejected = new Grid<>();
    private RegisterMapping stored;

    RegisterMappingView(RegisterMappingService mappings) {
        this.mappings = mappings;
        Anchor back = new Anchor("register/source", getTranslation("registerMapping.back"));
        add(
                new ViewToolbar(getTranslation("registerMapping.title"), back),
                new Paragraph(getTranslation("registerMapping.intro")));
        kind.setId("register-mapping-kind");
        kind.setLabel(getTranslation("registerMapping.kind"));
        kind.setItems(RegisterKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("register.kind." + k.name()));
        kind.addValueChangeListener(e -> show(mappings.current(e.getValue())));
        add(kind, changed, mappingForm(), valuesForm(), tryCard(), actions());
        kind.setValue(RegisterKind.STAR);
    }

    private FormLayout mappingForm() {
        FormLayout form = new FormLayout();
        Map<String, List<String>> suggestions = MappingDraft.SUGGESTED_FIELD_NAMES;
        for (String field : FIELDS) {
            ComboBox<String> box = ComponentTexts.comboBox(getTranslation("registerMapping.field." + field));
            box.setId("register-mapping-" + field);
            box.setAllowCustomValue(true);
            List<String> items = new ArrayList<>(suggestions.get(field));
            box.setItems(items);
            box.addCustomValueSetListener(e -> choose(box, items, e.getDetail()));
            box.setClearButtonVisible(true);
            fields.put(field, box);
            form.add(box);
        }
        entriesPath.setId("register-mapping-entriesPath");
        entriesPath.setLabel(getTranslation("registerMapping.entriesPath"));
        entriesPath.setHelperText(getTranslation("registerMapping.entriesPath.help"));
        form.add(entriesPath);
        return form;
    }

    /** A name typed that is not among the suggestions becomes one, and the value. */
    private static void choose(ComboBox<String> box, List<String> items, String value) {
        if (!items.contains(value)) {
            items.add(value);
            box.setItems(items);
        }
        box.setValue(value);
    }

    private Component valuesForm() {
        levelValues.setId("register-mapping-levelValues");
        levelValues.setLabel(getTranslation("registerMapping.levelValues"));
        levelValues.setHelperText(getTranslation("registerMapping.values.help"));
        statusValues.setId("register-mapping-statusValues");
        statusValues.setLabel(getTranslation("registerMapping.statusValues"));
        statusValues.setHelperText(getTranslation("registerMapping.values.help"));
        Button suggest = new Button(getTranslation("registerMapping.suggest"), click -> suggestJapanese());
        suggest.setId("register-mapping-suggest");
        datePattern.setId("register-mapping-datePattern");
        datePattern.setLabel(getTranslation("registerMapping.datePattern"));
        List<String> patterns = new ArrayList<>(MappingDraft.DATE_PATTERNS);
        datePattern.setItems(patterns);
        datePattern.setItemLabelGenerator(p -> getTranslation("registerMapping.datePattern.example", p, example(p)));
        datePattern.setAllowCustomValue(true);
        datePattern.addCustomValueSetListener(e -> choose(datePattern, patterns, e.getDetail()));
        encoding.setId("register-mapping-encoding");
        encoding.setLabel(getTranslation("registerMapping.encoding"));
        encoding.setItems(MappingDraft.ENCODINGS);
        encoding.setItemLabelGenerator(e -> getTranslation("registerMapping.encoding." + e));
        FormLayout form = new FormLayout(levelValues, statusValues, datePattern, encoding);
        return new Div(form, suggest);
    }

    private static String example(String pattern) {
        try {
            return FieldMapping.builder().datePattern(pattern).build().format(java.time.LocalDate.of(2026, 4, 1));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private void suggestJapanese() {
        levelValues.setValue(MappingDraft.suggestedLevelValues(kind.getValue()));
        statusValues.setValue(MappingDraft.SUGGESTED_STATUS_VALUES);
    }

    private Component tryCard() {
        upload.setId("register-mapping-upload");
        upload.setMaxFiles(1);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(getTranslation("registerMapping.upload.drop")));
        upload.setUploadHandler(event -> {
            UI ui = event.getUI();
            try (InputStream in = event.getInputStream()) {
                Preview preview = previewSample(in);
                ui.access(() -> showPreview(preview));
            } catch (ValidationException e) {
                ui.access(() -> showProblems(e));
            }
        });
        Button fetch = new Button(getTranslation("registerMapping.fetch"), click -> previewFromSource());
        fetch.setId("register-mapping-fetch");
        Div card = new Div(
                new H3(getTranslation("registerMapping.try")),
                new Paragraph(getTranslation("registerMapping.try.help")),
                upload,
                fetch,
                previewCard());
        card.addClassName("dashboard-section");
        return card;
    }

    private Component actions() {
        Button save = new Button(getTranslation("action.save"), click -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("register-mapping-save");
        return new HorizontalLayout(save);
    }

    private Component previewCard() {
        summary.setId("register-mapping-summary");
        firstEntries.setId("register-mapping-entries");
        firstEntries
                .addColumn(FeedEntry::corporateNumber)
                .setHeader(getTranslation("registerMapping.field.corporateNumber"))
                .setAutoWidth(true);
        firstEntries
                .addColumn(FeedEntry::name)
                .setHeader(getTranslation("registerMapping.field.name"))
                .setFlexGrow(2);
        firstEntries
                .addColumn(e -> getTranslation("register.level." + e.level()))
                .setHeader(getTranslation("registerMapping.field.level"));
        firstEntries.addColumn(FeedEntry::registeredOn).setHeader(getTranslation("registerMapping.field.registeredOn"));
        firstEntries.addColumn(FeedEntry::validUntil).setHeader(getTranslation("registerMapping.field.validUntil"));
        firstEntries
                .addColumn(e -> getTranslation("register.status." + e.status()))
                .setHeader(getTranslation("registerMapping.field.status"));
        firstEntries.setAllRowsVisible(true);
        rejected.setId("register-mapping-rejected");
        rejected.addColumn(rejection -> rejection.place().in(getLocale()))
                .setHeader(getTranslation("registerMapping.rejected.where"));
        rejected.addColumn(rejection -> rejection.problem().in(getLocale()))
                .setHeader(getTranslation("registerMapping.rejected.reason"))
                .setFlexGrow(4);
        rejected.setAllRowsVisible(true);
        firstEntries.setVisible(false);
        rejected.setVisible(false);
        return new Div(summary, firstEntries, rejected);
    }

    private void show(RegisterMapping mapping) {
        stored = mapping;
        MappingDraft draft = MappingDraft.of(mapping);
        Map<String, String> values = fieldValues(draft);
        fields.forEach((field, box) -> {
            String value = values.get(field);
            if (value != null && !value.isEmpty()) {
                choose(box, new ArrayList<>(MappingDraft.SUGGESTED_FIELD_NAMES.get(field)), value);
            } else {
                box.clear();
            }
        });
        entriesPath.setValue(draft.entriesPath());
        levelValues.setValue(draft.levelValues());
        statusValues.setValue(draft.statusValues());
        datePattern.setValue(draft.datePattern());
        encoding.setValue(draft.encoding());
        changed.setText(
                mapping.updatedBy() == null
                        ? getTranslation("registerMapping.changed.never")
                        : getTranslation(
                                "registerMapping.changed",
                                mapping.updatedBy(),
                                mapping.updatedAt()
                                        .atZone(ZoneId.of("UTC"))
                                        .withZoneSameInstant(ZoneId.of("Asia/Tokyo"))
                                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        Problems.clear(this);
    }

    private static Map<String, String> fieldValues(MappingDraft d) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("corporateNumber", d.corporateNumber());
        values.put("name", d.name());
        values.put("level", d.level());
        values.put("registeredOn", d.registeredOn());
        values.put("validUntil", d.validUntil());
        values.put("status", d.status());
        values.put("scope", d.scope());
        values.put("assessmentBody", d.assessmentBody());
        return values;
    }

    /** The mapping as typed. */
    MappingDraft typed() {
        return new MappingDraft(
                value("corporateNumber"),
                value("name"),
                value("level"),
                value("registeredOn"),
                value("validUntil"),
                value("status"),
                value("scope"),
                value("assessmentBody"),
                entriesPath.getValue(),
                levelValues.getValue(),
                statusValues.getValue(),
                datePattern.getValue(),
                encoding.getValue(),
                stored.version());
    }

    private String value(String field) {
        return fields.get(field).getValue();
    }

    /** What the upload does with a sample (also for tests). */
    Preview previewSample(InputStream sample) {
        return mappings.preview(kind.getValue(), typed(), sample);
    }

    void previewFromSource() {
        try {
            showPreview(mappings.previewFromSource(kind.getValue(), typed()));
        } catch (ValidationException e) {
            showProblems(e);
        } catch (NoRegisterSourceException e) {
            Notifications.error(getTranslation("registerMapping.noSource"));
        }
    }

    void showPreview(Preview preview) {
        Problems.clear(this);
        summary.getElement().setAttribute("data-acceptable", String.valueOf(preview.acceptable()));
        if (preview.errorKey() != null) {
            summary.setText(getTranslation(
                    "registerMapping.preview.unreadable", getTranslation(preview.errorKey()), preview.detail()));
            firstEntries.setVisible(false);
            rejected.setVisible(false);
            return;
        }
        summary.setText(getTranslation(
                preview.acceptable() ? "registerMapping.preview.ok" : "registerMapping.preview.rejected",
                preview.entries(),
                preview.format(),
                preview.rejectedTotal()));
        firstEntries.setItems(preview.firstEntries());
        firstEntries.setVisible(!preview.firstEntries().isEmpty());
        rejected.setItems(preview.rejected());
        rejected.setVisible(!preview.rejected().isEmpty());
    }

    void save() {
        try {
            show(mappings.save(kind.getValue(), typed()));
            Notifications.success(getTranslation("registerMapping.saved"));
        } catch (ValidationException e) {
            showProblems(e);
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
        }
    }

    private void showProblems(ValidationException e) {
        Map<String, com.vaadin.flow.component.HasValidation> byField = new LinkedHashMap<>(fields);
        byField.put("entriesPath", entriesPath);
        byField.put("levelValues", levelValues);
        byField.put("statusValues", statusValues);
        byField.put("datePattern", datePattern);
        byField.put("encoding", encoding);
        String rest = Problems.show(this, e, byField);
        if (!rest.isEmpty()) {
            Notifications.error(rest);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registerMapping.title") + " | Hoshimi";
    }
}
