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
import jp.hoshimi.alert.AlertMessages;
import jp.hoshimi.alert.OutgoingMail;
import org.springframework.beans.factory.ObjectProvider;

/** Development only: the alert mails the dev mail sink kept, with the HTML part as the recipient sees it. */
@Route("dev/mail")
@Menu(title = "alert.devMail.nav", icon = "vaadin:envelope-o", order = 90)
@PermitAll
class DevMailView extends VerticalLayout {

    final Grid<OutgoingMail> mails = new Grid<>();
    final IFrame preview = new IFrame();

    DevMailView(ObjectProvider<DevMailSink> sink) {
        setSizeFull();
        DevMailSink kept = sink.getIfAvailable();
        List<OutgoingMail> all = kept == null ? List.of() : kept.mails();
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
        add(new H2(getTranslation("alert.devMail.nav")), new Paragraph(getTranslation("alert.devMail.intro")), split);
        if (!all.isEmpty()) {
            mails.select(all.get(0));
        }
    }
}
