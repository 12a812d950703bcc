package jp.hoshimi.setup.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.alert.TestMessageService;
import jp.hoshimi.setup.SetupRoutes;
import jp.hoshimi.setup.SetupService;
import jp.hoshimi.setup.SetupStep;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/** 管理 → 初期設定: the whole set-up checklist, and the "send a test message" action of its alert step. */
@Route(SetupRoutes.CHECKLIST)
@Menu(title = "setup.title", icon = "vaadin:check-square-o", order = 61)
@RolesAllowed(Role.ADMIN_NAME)
class SetupView extends VerticalLayout implements HasDynamicTitle {

    private final SetupService setup;
    private final TestMessageService testMessages;
    final Div checklistBox = new Div();
    final Span progress = new Span();
    final EmailField mailTo = new EmailField();
    final Button sendTest = new Button();

    SetupView(SetupService setup, TestMessageService testMessages) {
        this.setup = setup;
        this.testMessages = testMessages;
        progress.setId("setup-progress");
        Paragraph intro = new Paragraph(getTranslation("setup.intro"));
        add(new ViewToolbar(getTranslation("setup.title"), progress), intro, checklistBox, testMessageBox());
        refresh();
    }

    private Div testMessageBox() {
        mailTo.setLabel(getTranslation("alert.test.mailTo"));
        mailTo.setHelperText(getTranslation("alert.test.mailTo.help"));
        mailTo.setId("setup-test-mail-to");
        mailTo.setWidth("24em");
        mailTo.setMaxWidth("100%");
        sendTest.setText(getTranslation("alert.test.send"));
        sendTest.setId("setup-send-test");
        sendTest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        sendTest.addClickListener(click -> sendTest());
        HorizontalLayout row = new HorizontalLayout(mailTo, sendTest);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        Div box = new Div(
                new H3(getTranslation("alert.test.title")), new Paragraph(getTranslation("alert.test.help")), row);
        box.setId("setup-test-message");
        box.addClassName("dashboard-section");
        return box;
    }

    void sendTest() {
        try {
            List<TestMessageService.Result> results = testMessages.send(mailTo.getValue());
            String text = results.stream()
                    .map(r -> getTranslation(
                            r.ok() ? "alert.test.sent" : "alert.test.failed",
                            getTranslation("alert.test.channel." + r.channel()),
                            r.recipient(),
                            detail(r.detail())))
                    .collect(Collectors.joining(" / "));
            if (results.stream().allMatch(TestMessageService.Result::ok)) {
                Notifications.success(text);
            } else {
                Notifications.error(text);
            }
        } catch (ValidationException e) {
            String rest = Problems.show(this, e, Map.of("mailTo", mailTo));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        }
        refresh();
    }

    /** A failure is a message key (nothing configured) or the server's own words ("SMTP: Connection refused"). */
    private String detail(String detail) {
        return detail == null ? "" : detail.startsWith("alert.") ? getTranslation(detail) : detail;
    }

    private void refresh() {
        List<SetupStep> steps = setup.checklist();
        checklistBox.removeAll();
        checklistBox.add(new SetupChecklist(steps));
        progress.setText(SetupChecklist.progress(this, steps));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("setup.title") + " | Hoshimi";
    }
}
