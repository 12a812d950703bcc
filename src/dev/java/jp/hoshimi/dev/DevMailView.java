package jp.hoshimi.dev;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.alert.AlertMessages;
import jp.hoshimi.alert.OutgoingMail;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Development only: the alert mails the dev mail sink kept, with the HTML part as the recipient sees it.
 * Each user sees the mails sent to their own address; administrators see everyone's.
 */
@Route("dev/mail")
@Menu(title = "alert.devMail.nav", icon = "vaadin:envelope-o", order = 90)
@PermitAll
class DevMailView extends VerticalLayout {

    final Grid<OutgoingMail> mails = new Grid<>();
    final IFrame preview = new IFrame();

    DevMailView(ObjectProvider<DevMailSink> sink, CurrentUser user, UserAccountService users) {
        setSizeFull();
        DevMailSink kept = sink.getIfAvailable();
        boolean everyone = user.hasRole(Role.ADMIN);
        Optional<String> own = everyone ? Optional.empty() : users.ownEmail();
        List<OutgoingMail> all = kept == null
                ? List.of()
                : kept.mails().stream()
                        .filter(m -> everyone
                                || own.filter(address -> address.equalsIgnoreCase(m.to()))
                                        .isPresent())
                        .toList();
        mails.setId("dev-mail");
        mails.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        mails.addColumn(m -> AlertMessages.dateTime(m.at()))
                .setHeader(getTranslation("alert.devMail.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        mails.addColumn(OutgoingMail::to)
                .setHeader(getTranslation("alert.devMail.to"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        mails.addColumn(OutgoingMail::subject).setHeader(getTranslation("alert.devMail.subject"));
        mails.setItems(all);
        mails.setEmptyStateText(getTranslation("alert.devMail.empty"));
        mails.addSelectionListener(e -> e.getFirstSelectedItem().ifPresent(m -> preview.setSrcdoc(m.html())));
        preview.setSizeFull();
        preview.getStyle().set("border", "none").set("background", "white");
        preview.setId("dev-mail-preview");
        SplitLayout split = new SplitLayout(mails, preview);
        split.setSizeFull();
        split.setSplitterPosition(45);
        Paragraph scope = new Paragraph(everyone ? "" : getTranslation("alert.devMail.ownOnly", own.orElse("—")));
        scope.setId("dev-mail-scope");
        scope.setVisible(!everyone);
        add(
                new H2(getTranslation("alert.devMail.nav")),
                new Paragraph(getTranslation("alert.devMail.intro")),
                scope,
                split);
        if (!all.isEmpty()) {
            mails.select(all.get(0));
        }
    }
}
