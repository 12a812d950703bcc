package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.outreach.AnswerForm;
import jp.hoshimi.outreach.AnswerKind;
import jp.hoshimi.outreach.AnswerPage;
import jp.hoshimi.outreach.RequestAnswers;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * The supplier's answer page, the one page besides the login reachable without signing in (issue 19). It
 * shows only the request behind the link's token; any other token (unknown, expired, revoked, closed) gets
 * the same neutral text and nothing else. Japanese first, with an English switch; one column on a phone.
 */
@Route(value = "reply/:token", autoLayout = false)
@PageTitle("Hoshimi")
@AnonymousAllowed
class ReplyView extends VerticalLayout implements BeforeEnterObserver {

    private final RequestAnswers answers;
    private String token;
    private String clientAddress;
    final RadioButtonGroup<AnswerKind> kind = new RadioButtonGroup<>();
    final ComboBox<StarLevel> plannedLevel = new ComboBox<>();
    final DatePicker plannedDate = new DatePicker();
    final TextField assessmentBody = new TextField();
    final TextField corporateNumber = new TextField();
    final TextArea comment = new TextArea();
    final Button send = new Button();
    /** The answer just sent, while its confirmation is shown (a language switch keeps showing it). */
    private AnswerForm lastConfirmation;

    ReplyView(RequestAnswers answers) {
        this.answers = answers;
        addClassName("reply-view");
        setMaxWidth("44rem");
        getStyle().set("margin", "0 auto");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
        VaadinRequest request = VaadinRequest.getCurrent();
        clientAddress = request == null ? null : request.getRemoteAddr();
        if (!event.getUI().getLocale().getLanguage().equals("en")) {
            event.getUI().setLocale(Locale.JAPANESE);
        }
        render();
    }

    private void render() {
        lastConfirmation = null;
        removeAll();
        Optional<AnswerPage> page = answers.page(token);
        add(head());
        if (page.isEmpty()) {
            neutral();
            return;
        }
        AnswerPage p = page.get();
        Paragraph intro = new Paragraph(getTranslation(
                "reply.intro", p.supplierName(), p.requestedLevel().label(), Formats.date(p.dueDate())));
        intro.setId("reply-intro");
        Pre message = new Pre(p.message());
        message.setId("reply-message");
        message.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit");
        add(intro, message);
        if (p.answers() > 0) {
            add(new Paragraph(getTranslation("reply.answers", p.answers())));
        }
        add(form());
    }

    private HorizontalLayout head() {
        Button language = new Button(getTranslation("reply.language"), click -> switchLanguage());
        language.setId("reply-language");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout head = new HorizontalLayout(new H2(getTranslation("reply.title")), language);
        head.setWidthFull();
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        return head;
    }

    private void neutral() {
        Paragraph neutral = new Paragraph(getTranslation("reply.neutral"));
        neutral.setId("reply-neutral");
        add(neutral);
    }

    private FormLayout form() {
        // a fresh, empty form each time (after an answer, "answer again" must not show the last one's values)
        kind.clear();
        plannedLevel.clear();
        plannedDate.clear();
        assessmentBody.clear();
        corporateNumber.clear();
        comment.clear();
        kind.setLabel(getTranslation("reply.kind"));
        kind.setItems(AnswerKind.values());
        kind.setItemLabelGenerator(k -> getTranslation(k.messageKey()));
        kind.setId("reply-kind");
        plannedLevel.setLabel(getTranslation("reply.plannedLevel"));
        plannedLevel.setItems(Arrays.stream(StarLevel.values())
                .filter(l -> !l.isSecurityAction())
                .toList());
        plannedLevel.setItemLabelGenerator(StarLevel::label);
        plannedLevel.setId("reply-planned-level");
        plannedDate.setLabel(getTranslation("reply.plannedDate"));
        plannedDate.setId("reply-planned-date");
        assessmentBody.setLabel(getTranslation("reply.assessmentBody"));
        assessmentBody.setMaxLength(200);
        corporateNumber.setLabel(getTranslation("reply.corporateNumber"));
        corporateNumber.setHelperText(getTranslation("reply.corporateNumber.help"));
        corporateNumber.setId("reply-corporate-number");
        comment.setLabel(getTranslation("reply.comment"));
        comment.setMaxLength(RequestAnswers.MAX_COMMENT);
        comment.setId("reply-comment");
        send.setText(getTranslation("reply.send"));
        send.setId("reply-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> submit());
        FormLayout form =
                new FormLayout(kind, plannedLevel, plannedDate, assessmentBody, corporateNumber, comment, send);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setId("reply-form");
        return form;
    }

    void submit() {
        AnswerForm form = new AnswerForm(
                kind.getValue(),
                plannedLevel.getValue(),
                plannedDate.getValue(),
                assessmentBody.getValue(),
                corporateNumber.getValue(),
                comment.getValue());
        try {
            Optional<AnswerForm> kept = answers.submit(token, form, clientAddress);
            if (kept.isEmpty()) {
                removeAll();
                neutral();
                return;
            }
            confirmation(kept.get());
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this,
                    e,
                    Map.of(
                            "kind", kind,
                            "plannedLevel", plannedLevel,
                            "plannedDate", plannedDate,
                            "assessmentBody", assessmentBody,
                            "corporateNumber", corporateNumber,
                            "comment", comment));
            if (!rest.isBlank()) {
                Notifications.error(rest);
            }
        } catch (RequestAnswers.TooManyAnswersException e) {
            Notifications.error(getTranslation("reply.tooMany"));
        }
    }

    /**
     * After an answer: a clear confirmation and what was sent, read-only; no form that still holds the values
     * and invites a second click. The supplier may answer again (answers are kept side by side) on purpose.
     */
    private void confirmation(AnswerForm kept) {
        removeAll();
        add(head());
        Div done = new Div();
        done.setId("reply-thanks");
        done.addClassName("reply-confirmation");
        done.getElement().setAttribute("role", "status");
        done.add(new H3(getTranslation("reply.done.title")), new Paragraph(getTranslation("reply.thanks")));
        Div summary = new Div();
        summary.setId("reply-summary");
        summary.addClassName("detail-grid");
        summary.setWidthFull();
        summary.getStyle().set("box-sizing", "border-box");
        line(summary, "reply.kind", getTranslation(kept.kind().messageKey()));
        if (kept.plannedLevel() != null) {
            line(summary, "reply.plannedLevel", kept.plannedLevel().label());
        }
        if (kept.plannedDate() != null) {
            line(summary, "reply.plannedDate", Formats.date(kept.plannedDate()));
        }
        line(summary, "reply.assessmentBody", kept.assessmentBody());
        line(summary, "reply.corporateNumber", kept.corporateNumber());
        line(summary, "reply.comment", kept.comment());
        Button again = new Button(getTranslation("reply.again"), click -> render());
        again.setId("reply-again");
        again.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(done, new H3(getTranslation("reply.done.summary")), summary, again);
        lastConfirmation = kept;
    }

    private static void line(Div grid, String labelKey, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(grid.getTranslation(labelKey));
        label.addClassName("detail-label");
        Span text = new Span(value);
        text.addClassName("detail-value");
        text.getStyle().set("white-space", "pre-wrap");
        grid.add(label, text);
    }

    private void switchLanguage() {
        UI ui = UI.getCurrent();
        ui.setLocale("en".equals(ui.getLocale().getLanguage()) ? Locale.JAPANESE : Locale.ENGLISH);
        if (lastConfirmation != null) {
            confirmation(lastConfirmation);
        } else {
            render();
        }
    }
}
