package jp.hoshimi.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jp.hoshimi.security.SecurityEvent;
import jp.hoshimi.security.SecurityEventKind;
import jp.hoshimi.security.SignInBlock;
import jp.hoshimi.security.SignInThrottle;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.ComponentTexts;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Sign-in security for administrators (issue 15): accounts and addresses refused now, each with an unlock
 * button, and every security event (sign-ins, failures, locks, refused API tokens), newest first, paged in SQL.
 */
@Route("security-events")
@Menu(title = "nav.securityEvents", icon = "vaadin:shield", order = 59)
@RolesAllowed(Role.ADMIN_NAME)
class SecurityEventView extends VerticalLayout implements HasDynamicTitle {

    final Select<SecurityEventKind> kind = new Select<>();
    final Grid<SignInBlock> blocks = new Grid<>();
    final Grid<SecurityEvent> events = new Grid<>();
    private final SignInThrottle throttle;

    SecurityEventView(SignInThrottle throttle) {
        this.throttle = throttle;
        setSizeFull();
        configureBlocks();
        configureEvents();
        kind.setLabel(getTranslation("securityEvent.filter.kind"));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("filter.all"));
        kind.setItems(SecurityEventKind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("filter.all") : getTranslation(k.messageKey()));
        kind.addValueChangeListener(e -> events.getDataProvider().refreshAll());
        add(
                new ViewToolbar(getTranslation("nav.securityEvents")),
                new H3(getTranslation("securityEvent.blocked.title")),
                blocks,
                new H3(getTranslation("securityEvent.events.title")),
                kind,
                events);
        refreshBlocks();
    }

    private void configureBlocks() {
        blocks.setId("security-blocks");
        blocks.addThemeVariants(GridVariant.LUMO_COMPACT);
        blocks.setAllRowsVisible(true);
        blocks.addColumn(b -> getTranslation("securityEvent.blocked.kind." + b.kind()))
                .setHeader(getTranslation("securityEvent.blocked.kind"))
                .setAutoWidth(true);
        blocks.addColumn(SignInBlock::subject).setHeader(getTranslation("securityEvent.blocked.subject"));
        blocks.addColumn(SignInBlock::failures)
                .setHeader(getTranslation("securityEvent.blocked.failures"))
                .setAutoWidth(true);
        blocks.addColumn(b -> Formats.dateTime(b.blockedUntil()))
                .setHeader(getTranslation("securityEvent.blocked.until"))
                .setAutoWidth(true);
        blocks.addComponentColumn(this::unlockButton).setAutoWidth(true);
        ComponentTexts.emptyState(blocks, "securityEvent.blocked.empty");
    }

    private Button unlockButton(SignInBlock block) {
        Button unlock = new Button(getTranslation("securityEvent.unlock"), click -> {
            throttle.unlock(block.key());
            Notifications.success(getTranslation("securityEvent.unlocked", block.subject()));
            refreshBlocks();
            events.getDataProvider().refreshAll();
        });
        unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
        unlock.addClassName("unlock-button");
        return unlock;
    }

    private void refreshBlocks() {
        blocks.setItems(throttle.activeBlocks());
    }

    private void configureEvents() {
        events.setId("security-events");
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        events.setSizeFull();
        events.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("audit.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        events.addColumn(e -> getTranslation(e.kind().messageKey()))
                .setHeader(getTranslation("securityEvent.column.kind"))
                .setAutoWidth(true);
        events.addColumn(SecurityEvent::username).setHeader(getTranslation("securityEvent.column.user"));
        events.addColumn(SecurityEvent::clientAddress).setHeader(getTranslation("securityEvent.column.address"));
        events.addColumn(SecurityEvent::detail)
                .setHeader(getTranslation("securityEvent.column.detail"))
                .setFlexGrow(2);
        ComponentTexts.emptyState(events, "securityEvent.events.empty");
        events.setItems(
                query -> throttle.events(kind.getValue(), query.getOffset(), query.getLimit()).stream(),
                query -> throttle.countEvents(kind.getValue()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.securityEvents") + " | Hoshimi";
    }
}
