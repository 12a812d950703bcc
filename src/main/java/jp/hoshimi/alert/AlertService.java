package jp.hoshimi.alert;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.alert.internal.AlertSettingsRepository;
import jp.hoshimi.alert.internal.NotificationRepository;
import jp.hoshimi.alert.internal.OutboxRepository;
import jp.hoshimi.alert.internal.RecipientRepository;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.HttpUrls;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification centre of the signed-in person (list, unread count, mark read, preferences) and, for
 * administrators, the outbox (failed and uncertain sends, send again), the webhook and the mail mode.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class AlertService {

    public static final int MAX_PAGE_SIZE = 500;
    public static final String AUDIT_PREFERENCES = "alert_preference";
    public static final String AUDIT_WEBHOOK = "alert_webhook";
    private static final Set<String> LANGUAGES = Set.of(AlertPreferences.JAPANESE, AlertPreferences.ENGLISH);

    private final NotificationRepository notifications;
    private final AlertSettingsRepository alertSettings;
    private final OutboxRepository outbox;
    private final RecipientRepository users;
    private final AlertDispatcher dispatcher;
    private final MailChannel mail;
    private final SystemAuthentication system;
    private final AuditTrail audit;
    private final Clock clock;

    AlertService(
            NotificationRepository notifications,
            AlertSettingsRepository alertSettings,
            OutboxRepository outbox,
            RecipientRepository users,
            AlertDispatcher dispatcher,
            MailChannel mail,
            SystemAuthentication system,
            AuditTrail audit,
            Clock clock) {
        this.notifications = notifications;
        this.alertSettings = alertSettings;
        this.outbox = outbox;
        this.users = users;
        this.dispatcher = dispatcher;
        this.mail = mail;
        this.system = system;
        this.audit = audit;
        this.clock = clock;
    }

    // --- my notifications --------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public int unreadCount() {
        return me().map(id -> notifications.countNotifications(id, true)).orElse(0);
    }

    @Transactional(readOnly = true)
    public List<Notification> notifications(boolean unreadOnly, int offset, int limit) {
        return me().map(id -> notifications.notifications(
                        id, unreadOnly, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE)))
                .orElse(List.of());
    }

    @Transactional(readOnly = true)
    public int countNotifications(boolean unreadOnly) {
        return me().map(id -> notifications.countNotifications(id, unreadOnly)).orElse(0);
    }

    @Transactional
    public void markRead(long alertId) {
        me().ifPresent(id -> notifications.markRead(id, alertId, now()));
    }

    @Transactional
    public int markAllRead() {
        return me().map(id -> notifications.markRead(id, null, now())).orElse(0);
    }

    // --- my preferences ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public AlertPreferences preferences() {
        long id = meOrThrow();
        return alertSettings
                .preferences(id)
                .orElseGet(() -> new AlertPreferences(
                        true,
                        false,
                        AlertPreferences.language(users.accountLocale(id).orElse(null)),
                        -1));
    }

    /** @throws ConcurrentEditException when they were saved elsewhere since they were read */
    @Transactional
    public void savePreferences(AlertPreferences preferences) {
        if (!LANGUAGES.contains(preferences.language())) {
            throw new ValidationException(FieldProblem.of("language", "validation.required"));
        }
        long id = meOrThrow();
        AlertPreferences before = preferences();
        if (!alertSettings.savePreferences(id, preferences, now())) {
            throw new ConcurrentEditException(AUDIT_PREFERENCES, id);
        }
        audit.record(
                AUDIT_PREFERENCES,
                id,
                before.version() < 0 ? AuditAction.CREATE : AuditAction.UPDATE,
                before,
                preferences);
    }

    // --- administrators ----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_NAME)
    public List<Delivery> deliveries(DeliveryStatus status, int offset, int limit) {
        return outbox.deliveries(status, Math.max(0, offset), Math.min(Math.max(0, limit), MAX_PAGE_SIZE));
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_NAME)
    public int countDeliveries(DeliveryStatus status) {
        return outbox.countDeliveries(status);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_NAME)
    public Map<DeliveryStatus, Integer> deliveryCounts() {
        return outbox.counts();
    }

    /** A failed or uncertain delivery goes out again with a fresh set of attempts (an administrator's call). */
    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public void sendAgain(long deliveryId) {
        if (!outbox.requeue(deliveryId, now())) {
            throw new NotFoundException("alert_outbox", deliveryId);
        }
        audit.record("alert_outbox", deliveryId, AuditAction.UPDATE, null, DeliveryStatus.PENDING);
    }

    /** Runs the dispatcher now on this node (it also runs on its schedule). */
    @RolesAllowed(Role.ADMIN_NAME)
    public AlertDispatcher.Report dispatchNow() {
        return dispatcher.dispatch();
    }

    public MailChannel.Mode mailMode() {
        return mail.mode();
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Role.ADMIN_NAME)
    public WebhookSettings webhook() {
        return alertSettings.webhook();
    }

    @Transactional
    @RolesAllowed(Role.ADMIN_NAME)
    public void saveWebhook(WebhookSettings settings) {
        String url = settings.url() == null ? null : settings.url().strip();
        if (url != null && url.isEmpty()) {
            url = null;
        }
        if (url != null && !HttpUrls.isHttpUrl(url)) {
            throw new ValidationException(FieldProblem.of("url", "alert.webhook.url.invalid"));
        }
        if (settings.enabled() && url == null) {
            throw new ValidationException(FieldProblem.of("url", "validation.required"));
        }
        if (!LANGUAGES.contains(settings.language())) {
            throw new ValidationException(FieldProblem.of("language", "validation.required"));
        }
        WebhookSettings before = alertSettings.webhook();
        WebhookSettings after = new WebhookSettings(url, settings.enabled(), settings.language(), settings.version());
        if (!alertSettings.saveWebhook(after, system.currentActor(), now())) {
            throw new ConcurrentEditException(AUDIT_WEBHOOK, 1);
        }
        audit.record(AUDIT_WEBHOOK, 1, AuditAction.UPDATE, before, after);
    }

    private java.util.Optional<Long> me() {
        return users.userId(system.currentActor());
    }

    private long meOrThrow() {
        return me().orElseThrow(() -> new NotFoundException("app_user", system.currentActor()));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
