package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.Letter;
import jp.hoshimi.outreach.RequestTemplateService;
import jp.hoshimi.outreach.RequestTemplates;
import jp.hoshimi.outreach.TemplateText;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The letter templates to suppliers per gap type and language (issue 19), reached from the settings: the text
 * with its placeholders, a preview of the mail as the supplier reads it, save (placeholders checked) and
 * reset to the default. Risk managers and administrators only; the service checks the role too.
 */
@Route("settings/request-templates")
@RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
class RequestTemplatesView extends VerticalLayout implements HasDynamicTitle {

    private final RequestTemplateService templates;
    private final String sender;
    final ComboBox<GapType> gapType = new ComboBox<>();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final TextArea body = new TextArea();
    final Span origin = new Span();
    final Pre previewSubject = new Pre();
    final Pre preview = new Pre();
    final Paragraph previewProblem = new Paragraph();
    final Button save = new Button();
    final Button reset = new Button();
    TemplateText shown;

    RequestTemplatesView(RequestTemplateService templates, CurrentUser currentUser) {
        this.templates = templates;
        this.sender = currentUser.displayName();
        addClassName("request-templates-view");
        gapType.setLabel(getTranslation("request.field.gapType"));
        gapType.setItems(GapType.values());
        gapType.setItemLabelGenerator(g -> getTranslation(g.messageKey()));
        gapType.setValue(GapType.NOT_REGISTERED);
        gapType.setId("template-gap");
        language.setLabel(getTranslation("request.field.language"));
        language.setItems("ja", "en");
        language.setItemLabelGenerator(l -> "ja".equals(l) ? "日本語" : "English");
        language.setValue("ja");
        language.setId("template-language");
        gapType.addValueChangeListener(e -> load());
        language.addValueChangeListener(e -> load());
        origin.setId("template-origin");
        origin.getElement().getThemeList().add("badge");

        body.setLabel(getTranslation("template.body"));
        body.setHelperText(getTranslation("template.body.help"));
        body.setMaxLength(RequestTemplateService.MAX_BODY);
        body.setWidthFull();
        body.setMinHeight("22rem");
        body.setId("template-body");
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.addValueChangeListener(e -> refreshPreview());

        save.setText(getTranslation("action.save"));
        save.setId("template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        reset.setText(getTranslation("template.reset"));
        reset.setId("template-reset");
        reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        reset.addClickListener(click -> confirmReset());

        HorizontalLayout choose = new HorizontalLayout(gapType, language, origin);
        choose.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        choose.setWrap(true);

        VerticalLayout editor = new VerticalLayout(choose, body, placeholders());
        editor.setPadding(false);
        editor.addClassName("template-editor");
        previewSubject.setId("template-preview-subject");
        previewSubject.addClassName("template-preview-subject");
        preview.setId("template-preview");
        preview.addClassName("template-preview");
        for (Pre pre : new Pre[] {preview, previewSubject}) {
            pre.getStyle()
                    .set("white-space", "pre-wrap")
                    .set("font-family", "inherit")
                    .set("margin", "0")
                    .set("width", "100%")
                    .set("box-sizing", "border-box");
        }
        previewProblem.setId("template-preview-problem");
        previewProblem.addClassName("template-preview-problem");
        VerticalLayout mail = new VerticalLayout(
                new H3(getTranslation("template.preview")),
                new Paragraph(getTranslation("template.preview.help")),
                previewProblem,
                previewSubject,
                preview);
        mail.setPadding(false);
        mail.addClassName("template-mail");
        // text beside its preview on a wide screen, one below the other on a narrow one (flex-wrap)
        editor.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        mail.getStyle().set("flex", "1 1 26rem").set("min-width", "0");
        HorizontalLayout columns = new HorizontalLayout(editor, mail);
        columns.addClassName("template-columns");
        columns.setWrap(true);
        columns.setWidthFull();
        columns.setAlignItems(FlexComponent.Alignment.START);

        add(
                new Anchor("settings", "← " + getTranslation("nav.settings")),
                new ViewToolbar(getTranslation("template.title"), reset, save),
                new Paragraph(getTranslation("template.intro")),
                columns);
        load();
    }

    private Div placeholders() {
        Div list = new Div();
        list.addClassName("template-placeholders");
        list.setId("template-placeholders");
        list.add(new Span(getTranslation("template.placeholders")));
        for (String name : RequestTemplates.PLACEHOLDERS) {
            Button insert = new Button("{" + name + "}", click -> {
                body.setValue(body.getValue() + "{" + name + "}");
                body.focus();
            });
            insert.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
            insert.getElement().setAttribute("title", getTranslation("template.placeholder." + name));
            Span meaning = new Span(getTranslation("template.placeholder." + name));
            meaning.addClassName("template-placeholder-meaning");
            list.add(new Div(insert, meaning));
        }
        return list;
    }

    void load() {
        if (gapType.getValue() == null || language.getValue() == null) {
            return;
        }
        show(templates.template(gapType.getValue(), language.getValue()));
    }

    private void show(TemplateText template) {
        shown = template;
        body.setInvalid(false);
        body.setValue(template.body());
        origin.setText(
                template.customised()
                        ? getTranslation(
                                "template.customised", template.updatedBy(), Formats.dateTime(template.updatedAt()))
                        : getTranslation("template.default"));
        origin.getElement().getThemeList().set("success", !template.customised());
        reset.setEnabled(template.customised());
        refreshPreview();
    }

    void refreshPreview() {
        try {
            Letter letter = templates.preview(gapType.getValue(), language.getValue(), body.getValue(), sender);
            previewSubject.setText(getTranslation("template.preview.subject", letter.subject()));
            preview.setText(letter.text());
            previewProblem.setVisible(false);
            body.setInvalid(false);
        } catch (ValidationException e) {
            String problem = Problems.describe(this, e);
            body.setErrorMessage(problem);
            body.setInvalid(true);
            previewProblem.setText(getTranslation("template.preview.invalid", problem));
            previewProblem.setVisible(true);
        }
    }

    void save() {
        try {
            show(templates.save(gapType.getValue(), language.getValue(), body.getValue(), shown.version()));
            Notifications.success(getTranslation("template.saved"));
        } catch (ValidationException e) {
            String rest = Problems.show(this, e, Map.of("body", body));
            if (!rest.isBlank()) {
                Notifications.error(rest);
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
        }
    }

    private void confirmReset() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("template-reset-confirm");
        confirm.setHeader(getTranslation("template.reset"));
        confirm.setText(getTranslation("template.reset.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("template.reset"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> resetToDefault());
        confirm.open();
    }

    void resetToDefault() {
        show(templates.reset(gapType.getValue(), language.getValue()));
        Notifications.success(getTranslation("template.resetDone"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("template.title") + " | Hoshimi";
    }
}
