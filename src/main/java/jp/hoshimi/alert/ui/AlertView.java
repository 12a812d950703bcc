package jp.hoshimi.alert.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.hoshimi.alert.Alert;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.alert.AlertMessages;
import jp.hoshimi.alert.AlertPreferences;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.alert.Delivery;
import jp.hoshimi.alert.DeliveryStatus;
import jp.hoshimi.alert.MailChannel;
import jp.hoshimi.alert.Notification;
import jp.hoshimi.alert.WebhookSettings;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ScreenWidth;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * The notification centre: my alerts (newest first, unread in bold, details and a link on click), my
 * preferences, and for administrators the outbox (what was sent, what failed and why, send again) and
 * the group's webhook.
 */
@Route("alerts")
@Menu(title = "nav.alerts", icon = "vaadin:bell", order = 50)
@PermitAll
class AlertView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Notification> notifications = new Grid<>();
    final Checkbox unreadOnly = new Checkbox();
    final Button markAllRead = new Button();
    final Checkbox emailEnabled = new Checkbox();
    final RadioButtonGroup<Boolean> dailyDigest = new RadioButtonGroup<>();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final Button savePreferences = new Button();
    final Paragraph mailMode = new Paragraph();
    final Grid<Delivery> deliveries = new Grid<>();
    final Select<DeliveryStatus> deliveryFilter = new Select<>();
    final Span deliveryCounts = new Span();
    final Button dispatchNow = new Button();
    final TextField webhookUrl = new TextField();
    final Checkbox webhookEnabled = new Checkbox();
    final RadioButtonGroup<String> webhookLanguage = new RadioButtonGroup<>();
    final Button saveWebhook = new Button();

    private final AlertService alerts;
    private final AlertMessages messages;
    private final boolean admin;
    private int preferencesVersion;
    private int webhookVersion;

    AlertView(AlertService alerts, AlertMessages messages, CurrentUser user) {
        this.alerts = alerts;
        this.messages = messages;
        this.admin = user.hasRole(Role.ADMIN);
        setSizeFull();
        addClassName("alert-view");

        unreadOnly.setLabel(getTranslation("alert.unreadOnly"));
        unreadOnly.setId("alert-unread-only");
        unreadOnly.addValueChangeListener(e -> notifications.getDataProvider().refreshAll());
        markAllRead.setText(getTranslation("alert.markAllRead"));
        markAllRead.setId("alert-mark-all-read");
        markAllRead.addClickListener(e -> {
            alerts.markAllRead();
            notifications.getDataProvider().refreshAll();
            AlertsChanged.fire(UI.getCurrent());
        });
        add(new ViewToolbar(getTranslation("nav.alerts"), unreadOnly, markAllRead));

        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.setId("alert-tabs");
        configureNotifications();
        tabs.add(getTranslation("alert.tab.notifications"), notifications);
        tabs.add(getTranslation("alert.tab.preferences"), preferences());
        if (admin) {
            configureDeliveries();
            tabs.add(getTranslation("alert.tab.deliveries"), deliveriesPanel());
            tabs.add(getTranslation("alert.tab.webhook"), webhookPanel());
        }
        add(tabs);
    }

    // --- my alerts ---------------------------------------------------------------------------------

    private void configureNotifications() {
        notifications.setId("alert-notifications");
        notifications.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        notifications.setSizeFull();
        Grid.Column<Notification> when = notifications
                .addColumn(n -> Formats.dateTime(n.alert().createdAt()))
                .setHeader(getTranslation("alert.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Notification> kind = notifications
                .addComponentColumn(n -> kindBadge(n.alert()))
                .setHeader(getTranslation("alert.column.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grid.Column<Notification> title = notifications
                .addColumn(n -> messages.title(n.alert(), locale()))
                .setHeader(getTranslation("alert.column.title"))
                .setTooltipGenerator(n -> messages.title(n.alert(), locale()))
                .setFlexGrow(1);
        // a phone shows the whole title (wrapped) with its kind and time under it
        Grid.Column<Notification> compact = notifications
                .addComponentColumn(this::compactCell)
                .setHeader(getTranslation("alert.column.title"))
                .setFlexGrow(1);
        ScreenWidth.switchColumns(notifications, List.of(compact), List.of(when, kind, title));
        notifications.setPartNameGenerator(n -> n.unread() ? "unread" : null);
        notifications
                .setItems(
                        q -> alerts.notifications(unreadOnly.getValue(), q.getOffset(), q.getLimit()).stream(),
                        q -> alerts.countNotifications(unreadOnly.getValue()))
                // one row per alert, read or not: opening a row keeps it open when it turns read
                .setIdentifierProvider(n -> n.alert().id());
        notifications.setItemDetailsRenderer(new ComponentRenderer<>(this::details));
        // the click listener below opens and closes the details (and marks read): not the grid as well
        notifications.setDetailsVisibleOnClick(false);
        notifications.addItemClickListener(e -> {
            Notification clicked = e.getItem();
            notifications.setDetailsVisible(clicked, !notifications.isDetailsVisible(clicked));
            if (clicked.unread()) {
                alerts.markRead(clicked.alert().id());
                // now read (the time itself is not shown): the row loses its bold
                notifications.getDataProvider().refreshItem(new Notification(clicked.alert(), LocalDateTime.MIN));
                AlertsChanged.fire(UI.getCurrent());
            }
        });
        notifications.setEmptyStateText(getTranslation("alert.empty"));
    }

    private Div compactCell(Notification notification) {
        Span title = new Span(messages.title(notification.alert(), locale()));
        title.addClassName("compact-title");
        Span when = new Span(Formats.dateTime(notification.alert().createdAt()));
        when.addClassName("compact-sub");
        Div meta = new Div(kindBadge(notification.alert()), when);
        meta.addClassName("compact-head");
        Div cell = new Div(title, meta);
        cell.addClassName("compact-cell");
        return cell;
    }

    private Span kindBadge(Alert alert) {
        Span badge = new Span(getTranslation(alert.kind().messageKey()));
        badge.getElement().getThemeList().add("badge small");
        badge.addClassName("alert-kind-" + alert.kind().name().toLowerCase(Locale.ROOT));
        switch (alert.kind()) {
            case STATUS -> badge.getElement().getThemeList().add("error");
            case RESOLVED -> badge.getElement().getThemeList().add("success");
            case IMPORT_FINISHED -> badge.getElement().getThemeList().add("contrast");
            default -> {
                // expiring and register: the default (blue) badge with the warning colour from the theme
            }
        }
        return badge;
    }

    private Div details(Notification notification) {
        Alert alert = notification.alert();
        Div box = new Div();
        box.addClassName("alert-details");
        for (AlertMessages.Line line : messages.lines(alert, locale())) {
            Div row = new Div(new Span(line.label()), new Span(line.value()));
            row.addClassName("alert-detail-line");
            box.add(row);
        }
        if (alert.contracts().size() > 1) {
            Div contracts = new Div();
            contracts.addClassName("alert-contracts");
            contracts.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "0.25em 1em");
            alert.contracts().forEach(c -> contracts.add(new Anchor(c.link(), c.number())));
            box.add(contracts);
        }
        Anchor open = new Anchor(alert.link(), getTranslation("alert.open"));
        open.addClassName("alert-open");
        box.add(open);
        return box;
    }

    // --- my preferences ----------------------------------------------------------------------------

    private VerticalLayout preferences() {
        emailEnabled.setLabel(getTranslation("alert.pref.email"));
        emailEnabled.setId("alert-pref-email");
        dailyDigest.setLabel(getTranslation("alert.pref.delivery"));
        dailyDigest.setItems(false, true);
        dailyDigest.setItemLabelGenerator(
                digest -> getTranslation(digest ? "alert.pref.digest" : "alert.pref.immediate"));
        dailyDigest.setId("alert-pref-digest");
        language.setLabel(getTranslation("alert.pref.language"));
        language.setItems(AlertPreferences.JAPANESE, AlertPreferences.ENGLISH);
        language.setItemLabelGenerator(l -> getTranslation("alert.language." + l));
        language.setId("alert-pref-language");
        savePreferences.setText(getTranslation("action.save"));
        savePreferences.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        savePreferences.setId("alert-pref-save");
        savePreferences.addClickListener(e -> savePreferences());

        mailMode.setText(getTranslation("alert.mail.mode." + alerts.mailMode().name()));
        mailMode.addClassName("alert-mail-mode");
        mailMode.setId("alert-mail-mode");
        VerticalLayout panel = new VerticalLayout(
                new Paragraph(getTranslation("alert.pref.intro")),
                mailMode,
                emailEnabled,
                dailyDigest,
                language,
                savePreferences);
        if (alerts.mailMode() == MailChannel.Mode.DEV_SINK) {
            panel.addComponentAtIndex(2, new Anchor("dev/mail", getTranslation("alert.mail.devSinkLink")));
        }
        panel.setPadding(false);
        loadPreferences();
        return panel;
    }

    private void loadPreferences() {
        AlertPreferences prefs = alerts.preferences();
        preferencesVersion = prefs.version();
        emailEnabled.setValue(prefs.emailEnabled());
        dailyDigest.setValue(prefs.dailyDigest());
        language.setValue(prefs.language());
    }

    void savePreferences() {
        try {
            alerts.savePreferences(new AlertPreferences(
                    emailEnabled.getValue(),
                    Boolean.TRUE.equals(dailyDigest.getValue()),
                    language.getValue(),
                    preferencesVersion));
            Notifications.success(getTranslation("alert.pref.saved"));
            loadPreferences();
        } catch (ValidationException e) {
            Notifications.error(Problems.describe(this, e));
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
            loadPreferences();
        }
    }

    // --- administrators: the outbox ----------------------------------------------------------------

    private void configureDeliveries() {
        deliveries.setId("alert-deliveries");
        deliveries.addThemeVariants(
                GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        deliveries.setSizeFull();
        deliveries
                .addColumn(d -> Formats.dateTime(d.sentAt() != null ? d.sentAt() : d.dueAt()))
                .setHeader(getTranslation("alert.delivery.column.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> getTranslation("alert.channel." + d.channel().name()))
                .setHeader(getTranslation("alert.delivery.column.channel"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> "webhook".equals(d.recipient())
                        ? getTranslation("alert.channel.WEBHOOK")
                        : d.recipient() + (d.address() == null ? "" : " <" + d.address() + ">"))
                .setHeader(getTranslation("alert.delivery.column.recipient"))
                .setAutoWidth(true);
        deliveries
                .addColumn(d -> messages.title(d.alert(), locale()))
                .setHeader(getTranslation("alert.column.title"))
                .setFlexGrow(3);
        deliveries
                .addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("alert.delivery.column.status"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(Delivery::attempts)
                .setHeader(getTranslation("alert.delivery.column.attempts"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries
                .addColumn(d -> error(d.lastError()))
                .setHeader(getTranslation("alert.delivery.column.error"))
                .setFlexGrow(1);
        deliveries.addComponentColumn(this::sendAgainButton).setAutoWidth(true).setFlexGrow(0);
        deliveries.setItems(
                q -> alerts.deliveries(deliveryFilter.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> alerts.countDeliveries(deliveryFilter.getValue()));
    }

    private VerticalLayout deliveriesPanel() {
        deliveryFilter.setLabel(getTranslation("alert.delivery.filter"));
        deliveryFilter.setItems(DeliveryStatus.values());
        deliveryFilter.setEmptySelectionAllowed(true);
        deliveryFilter.setEmptySelectionCaption(getTranslation("alert.delivery.filter.all"));
        deliveryFilter.setItemLabelGenerator(
                s -> s == null ? getTranslation("alert.delivery.filter.all") : getTranslation(s.messageKey()));
        deliveryFilter.setId("alert-delivery-filter");
        deliveryFilter.addValueChangeListener(e -> deliveries.getDataProvider().refreshAll());
        dispatchNow.setText(getTranslation("alert.delivery.dispatchNow"));
        dispatchNow.setId("alert-dispatch-now");
        dispatchNow.addClickListener(e -> {
            AlertDispatcher.Report report = alerts.dispatchNow();
            Notifications.success(
                    getTranslation("alert.delivery.dispatched", report.messagesSent(), report.attemptsFailed()));
            refreshDeliveries();
        });
        deliveryCounts.setId("alert-delivery-counts");
        deliveryCounts.addClassName("alert-delivery-counts");
        HorizontalLayout controls = new HorizontalLayout(deliveryFilter, dispatchNow, deliveryCounts);
        controls.setAlignItems(Alignment.BASELINE);
        VerticalLayout panel = new VerticalLayout(controls, deliveries);
        panel.setPadding(false);
        panel.setSizeFull();
        showDeliveryCounts();
        return panel;
    }

    private void refreshDeliveries() {
        deliveries.getDataProvider().refreshAll();
        showDeliveryCounts();
    }

    private void showDeliveryCounts() {
        Map<DeliveryStatus, Integer> counts = alerts.deliveryCounts();
        StringBuilder text = new StringBuilder();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            int n = counts.getOrDefault(status, 0);
            if (n > 0) {
                text.append(getTranslation(status.messageKey()))
                        .append(' ')
                        .append(n)
                        .append("  ");
            }
        }
        deliveryCounts.setText(text.toString().strip());
        deliveryCounts
                .getElement()
                .setAttribute("data-failed", String.valueOf(counts.getOrDefault(DeliveryStatus.FAILED, 0)));
    }

    private Span statusBadge(Delivery delivery) {
        Span badge = new Span(getTranslation(delivery.status().messageKey()));
        badge.getElement().getThemeList().add("badge small");
        switch (delivery.status()) {
            case SENT -> badge.getElement().getThemeList().add("success");
            case FAILED, UNCERTAIN -> badge.getElement().getThemeList().add("error");
            default -> badge.getElement().getThemeList().add("contrast");
        }
        return badge;
    }

    private com.vaadin.flow.component.Component sendAgainButton(Delivery delivery) {
        if (delivery.status() != DeliveryStatus.FAILED && delivery.status() != DeliveryStatus.UNCERTAIN) {
            return new Span();
        }
        Button again = new Button(getTranslation("alert.delivery.sendAgain"), e -> {
            try {
                alerts.sendAgain(delivery.id());
                Notifications.success(getTranslation("alert.delivery.requeued"));
            } catch (NotFoundException gone) {
                Notifications.error(getTranslation("alert.delivery.notRequeued"));
            }
            refreshDeliveries();
        });
        again.addThemeVariants(ButtonVariant.LUMO_SMALL);
        again.addClassName("alert-send-again");
        return again;
    }

    /** Stored errors are message keys (ours) or the words of the server that refused. */
    private String error(String stored) {
        if (stored == null) {
            return "";
        }
        return stored.startsWith("alert.delivery.") ? getTranslation(stored) : stored;
    }

    // --- administrators: the webhook ---------------------------------------------------------------

    private VerticalLayout webhookPanel() {
        webhookUrl.setLabel(getTranslation("alert.webhook.url"));
        webhookUrl.setHelperText(getTranslation("alert.webhook.url.help"));
        webhookUrl.setWidthFull();
        webhookUrl.setMaxLength(1000);
        webhookUrl.setId("alert-webhook-url");
        webhookEnabled.setLabel(getTranslation("alert.webhook.enabled"));
        webhookEnabled.setId("alert-webhook-enabled");
        webhookLanguage.setLabel(getTranslation("alert.pref.language"));
        webhookLanguage.setItems(AlertPreferences.JAPANESE, AlertPreferences.ENGLISH);
        webhookLanguage.setItemLabelGenerator(l -> getTranslation("alert.language." + l));
        saveWebhook.setText(getTranslation("action.save"));
        saveWebhook.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saveWebhook.setId("alert-webhook-save");
        saveWebhook.addClickListener(e -> saveWebhook());
        VerticalLayout panel = new VerticalLayout(
                new Paragraph(getTranslation("alert.webhook.intro")),
                webhookUrl,
                webhookEnabled,
                webhookLanguage,
                saveWebhook);
        panel.setPadding(false);
        panel.setMaxWidth("48rem");
        loadWebhook();
        return panel;
    }

    private void loadWebhook() {
        WebhookSettings settings = alerts.webhook();
        webhookVersion = settings.version();
        webhookUrl.setValue(settings.url() == null ? "" : settings.url());
        webhookEnabled.setValue(settings.enabled());
        webhookLanguage.setValue(settings.language());
    }

    void saveWebhook() {
        try {
            alerts.saveWebhook(new WebhookSettings(
                    webhookUrl.getValue(), webhookEnabled.getValue(), webhookLanguage.getValue(), webhookVersion));
            Notifications.success(getTranslation("alert.webhook.saved"));
            webhookUrl.setInvalid(false);
            Problems.clear(this);
            loadWebhook();
        } catch (ValidationException e) {
            String rest = Problems.show(this, e, Map.of("url", webhookUrl));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (ConcurrentEditException e) {
            Notifications.error(getTranslation("concurrentEdit.text"));
            loadWebhook();
        }
    }

    private Locale locale() {
        return UI.getCurrent() == null ? Locale.JAPANESE : UI.getCurrent().getLocale();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.alerts") + " | Hoshimi";
    }
}
