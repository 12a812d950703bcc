package jp.hoshimi.alert;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.alert.internal.AlertRepository;
import jp.hoshimi.alert.internal.AlertRepository.NewAlert;
import jp.hoshimi.alert.internal.OutboxRepository;
import jp.hoshimi.alert.internal.RecipientRepository;
import jp.hoshimi.alert.internal.RecipientRepository.SupplierInfo;
import jp.hoshimi.shared.Outbox;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox for other features (issue 19), behind the {@link Outbox} port they know: a prepared letter to an
 * outside address, or a notice to some of our users, written in the caller's transaction so it exists exactly
 * when the caller's change does. Each is keyed: the same key twice is queued once, and the dispatcher sends it
 * once (docs/decisions/0011).
 */
@Component
public class AlertOutbox implements Outbox {

    private final AlertRepository alerts;
    private final OutboxRepository outbox;
    private final RecipientRepository recipients;
    private final AlertProducer producer;
    private final AlertSchedule schedule;
    private final Clock clock;

    AlertOutbox(
            AlertRepository alerts,
            OutboxRepository outbox,
            RecipientRepository recipients,
            AlertProducer producer,
            AlertSchedule schedule,
            Clock clock) {
        this.alerts = alerts;
        this.outbox = outbox;
        this.recipients = recipients;
        this.producer = producer;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * Queues a letter to {@code to}; {@code {link}} in the body is replaced by {@code secretLink} when it is
     * sent, and the link is then forgotten. False when a letter with this key was queued before.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean letter(
            String key, Subject about, String to, String language, String subject, String body, String secretLink) {
        if (alerts.alertExists(key)) {
            return false;
        }
        Map<String, String> details = details(about);
        details.put("to", to);
        LocalDateTime now = LocalDateTime.now(clock);
        Long id = alerts.insertAlerts(List.of(alert(key, AlertKind.LETTER, about, details)), now)
                .get(key);
        alerts.insertLetter(id, subject, body, secretLink);
        outbox.insertLetterDelivery(id, to, language, now);
        return true;
    }

    /** Tells {@code users} (in-app, and by mail as each has chosen) of a request's {@code event}; once per key. */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void notice(String key, Subject about, String event, String dueDate, Set<Long> users) {
        Map<String, String> details = details(about);
        details.put("event", event);
        details.put("dueDate", dueDate == null ? "" : dueDate);
        producer.notice(alert(key, AlertKind.REQUEST, about, details), users);
    }

    /**
     * Tells a watched supplier's contract owners and the risk managers of a change of its company in the NTA
     * data (issue 21): renamed or moved; once per key (one per applied change row).
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void entityChanged(String key, Subject about, EntityChange change, Set<Long> owners) {
        Map<String, String> details = new HashMap<>();
        AlertKind kind;
        if (change.kind() == EntityChange.Kind.RENAMED) {
            kind = AlertKind.ENTITY_RENAMED;
            details.put("previousName", change.before());
            details.put("officialName", change.after());
        } else {
            kind = AlertKind.ENTITY_MOVED;
            details.put("previousAddress", change.before());
            details.put("address", change.after());
        }
        details.put("changeDate", change.changeDate());
        Set<Long> users = new LinkedHashSet<>(owners);
        users.addAll(recipients.usersWithRole(Role.RISK_MANAGER_NAME));
        producer.notice(alert(key, kind, about, details), users);
    }

    /** Starts the dispatcher soon (after the caller's commit is the caller's business). */
    @Override
    public void dispatchSoon() {
        schedule.dispatchSoon();
    }

    private static Map<String, String> details(Subject about) {
        Map<String, String> details = new HashMap<>();
        details.put("requestId", String.valueOf(about.requestId()));
        return details;
    }

    private static NewAlert alert(String key, AlertKind kind, Subject about, Map<String, String> details) {
        return new NewAlert(
                key,
                kind,
                null,
                null,
                new SupplierInfo(about.supplierId(), about.supplierName(), about.corporateNumber()),
                null,
                null,
                details);
    }
}
