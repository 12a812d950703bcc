package jp.hoshimi.alert;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.hoshimi.alert.internal.AlertRepository;
import jp.hoshimi.alert.internal.OutboxRepository;
import jp.hoshimi.alert.internal.OutboxRepository.OutboxItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: claim the due rows (committed), send, record the outcome (committed).
 * A claim that outlives its lease means the sender stopped between sending and recording; such a row
 * becomes UNCERTAIN and is never sent again by itself (docs/decisions/0011-alert-outbox.md). All e-mails
 * due for one person go out as one message; webhook posts list up to {@code webhook-group} alerts.
 */
@Component
public class AlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatcher.class);

    /** What one run did. */
    public record Report(int alertsMade, int abandoned, int messagesSent, int attemptsFailed) {}

    /** One message to send: the rows it covers and where it goes. */
    record Message(Channel channel, String address, String language, boolean digest, List<OutboxItem> items) {
        List<Long> ids() {
            return items.stream().map(OutboxItem::id).toList();
        }

        /** The idempotency key: the same rows always give the same key (Message-ID, webhook "id"). */
        String key(String host) {
            return "<hoshimi-alert-" + items.get(0).id() + "-" + items.size() + "@" + host + ">";
        }
    }

    private final OutboxRepository outbox;
    private final AlertRepository letters;
    private final AlertProducer producer;
    private final AlertMessages messages;
    private final MailChannel mail;
    private final WebhookChannel webhook;
    private final AlertProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    // renews the claims of the batch being sent, so the send lease can be short (docs/decisions/0019)
    private final java.util.concurrent.ScheduledExecutorService claimKeeper =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "hoshimi-alert-claims");
                thread.setDaemon(true);
                return thread;
            });

    AlertDispatcher(
            OutboxRepository outbox,
            AlertRepository letters,
            AlertProducer producer,
            AlertMessages messages,
            MailChannel mail,
            WebhookChannel webhook,
            AlertProperties properties,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.outbox = outbox;
        this.letters = letters;
        this.producer = producer;
        this.messages = messages;
        this.mail = mail;
        this.webhook = webhook;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        // may be called from another transaction's afterCompletion: always a transaction of its own
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** One dispatcher run: catch up on events, check the register, then send everything due. */
    public Report dispatch() {
        int made = producer.catchUpCompliance();
        if (producer.checkRegisterFreshness()) {
            made++;
        }
        int abandoned = recoverAbandoned();
        int sent = 0;
        int failed = 0;
        while (true) {
            String token = UUID.randomUUID().toString();
            int claimed = claim(token);
            if (claimed == 0) {
                break;
            }
            java.util.concurrent.ScheduledFuture<?> keeping = keepClaimed(token);
            try {
                for (Message message : group(outbox.claimed(token))) {
                    if (send(token, message)) {
                        sent++;
                    } else {
                        failed++;
                    }
                }
            } finally {
                keeping.cancel(false);
            }
            if (claimed < properties.batchSize()) {
                break;
            }
        }
        if (sent + failed + abandoned > 0) {
            log.info("Alert dispatch: {} messages sent, {} attempts failed, {} uncertain", sent, failed, abandoned);
        }
        return new Report(made, abandoned, sent, failed);
    }

    int recoverAbandoned() {
        int abandoned = outbox.markAbandoned(now());
        if (abandoned > 0) {
            log.warn(
                    "{} alert deliveries were left mid-send by a stopped dispatcher; they are marked uncertain"
                            + " and wait for an administrator",
                    abandoned);
        }
        return abandoned;
    }

    /** Claims due rows under {@code token} in a committed transaction of its own. */
    int claim(String token) {
        LocalDateTime now = now();
        Integer claimed = transaction.execute(
                status -> outbox.claim(token, now, now.plus(properties.sendLease()), properties.batchSize()));
        return claimed == null ? 0 : claimed;
    }

    /** While a batch is being sent, its claims are renewed every third of the send lease. */
    private java.util.concurrent.ScheduledFuture<?> keepClaimed(String token) {
        long every = Math.max(1, properties.sendLease().toMillis() / 3);
        return claimKeeper.scheduleWithFixedDelay(
                () -> renewClaim(token), every, every, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The claims under {@code token} last another send lease from now (a dispatcher still at work). */
    void renewClaim(String token) {
        try {
            LocalDateTime until = now().plus(properties.sendLease());
            transaction.executeWithoutResult(status -> outbox.extendClaim(token, until));
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next renewal tries again
            log.warn("Could not renew the alert claims {}: {}", token, e.getMessage());
        }
    }

    @jakarta.annotation.PreDestroy
    void stopKeepingClaims() {
        claimKeeper.shutdownNow();
    }

    /** E-mails by recipient (one message each), webhook posts in groups. */
    List<Message> group(List<OutboxItem> items) {
        Map<Long, List<OutboxItem>> mails = new LinkedHashMap<>();
        List<OutboxItem> posts = new ArrayList<>();
        List<Message> result = new ArrayList<>();
        for (OutboxItem item : items) {
            if (item.alert().kind() == AlertKind.LETTER) {
                // a letter to a supplier is its own message, never part of someone's digest
                result.add(new Message(Channel.EMAIL, item.address(), item.language(), false, List.of(item)));
            } else if (item.channel() == Channel.EMAIL) {
                mails.computeIfAbsent(item.recipientId(), k -> new ArrayList<>())
                        .add(item);
            } else {
                posts.add(item);
            }
        }
        for (List<OutboxItem> own : mails.values()) {
            OutboxItem first = own.get(0);
            boolean digest = own.stream().anyMatch(OutboxItem::digest);
            result.add(new Message(Channel.EMAIL, first.address(), first.language(), digest, own));
        }
        int size = Math.max(1, properties.webhookGroup());
        for (int from = 0; from < posts.size(); from += size) {
            List<OutboxItem> part = posts.subList(from, Math.min(posts.size(), from + size));
            result.add(new Message(
                    Channel.WEBHOOK, part.get(0).address(), part.get(0).language(), false, part));
        }
        return result;
    }

    /** Sends one message and records the outcome; true when it went out. */
    boolean send(String token, Message message) {
        String key = message.key(host());
        try {
            deliver(message, key);
        } catch (DeliveryException e) {
            recordFailure(token, message, e);
            return false;
        }
        transaction.executeWithoutResult(
                status -> outbox.markSent(message.ids(), token, key, message.address(), now()));
        return true;
    }

    void deliver(Message message, String key) throws DeliveryException {
        List<Alert> alerts = message.items().stream().map(OutboxItem::alert).toList();
        if (alerts.get(0).kind() == AlertKind.LETTER) {
            mail.send(letter(alerts.get(0), message, key));
        } else if (message.channel() == Channel.EMAIL) {
            AlertMessages.MailContent content = messages.mail(alerts, message.language(), message.digest());
            mail.send(new OutgoingMail(
                    key,
                    properties.mailFrom(),
                    message.address(),
                    content.subject(),
                    content.text(),
                    content.html(),
                    now()));
        } else {
            webhook.post(message.address(), messages.webhook(alerts, message.language(), key), key);
        }
    }

    private OutgoingMail letter(Alert alert, Message message, String key) throws DeliveryException {
        AlertRepository.Letter letter =
                letters.letter(alert.id()).orElseThrow(() -> new DeliveryException("alert.delivery.noLetter", true));
        AlertMessages.MailContent content = messages.letter(letter, message.language());
        return new OutgoingMail(
                key,
                properties.mailFrom(),
                message.address(),
                content.subject(),
                content.text(),
                content.html(),
                now());
    }

    private void recordFailure(String token, Message message, DeliveryException e) {
        int attempts =
                message.items().stream().mapToInt(OutboxItem::attempts).max().orElse(1);
        LocalDateTime retryAt = e.permanent() || attempts >= properties.maxAttempts()
                ? null
                : now().plus(properties.backoffAfter(attempts));
        log.warn(
                "Alert {} to {} failed (attempt {} of {}): {}",
                message.channel(),
                message.address(),
                attempts,
                properties.maxAttempts(),
                e.getMessage());
        transaction.executeWithoutResult(
                status -> outbox.markFailed(message.ids(), token, e.getMessage(), message.address(), retryAt));
    }

    private String host() {
        try {
            String host = URI.create(messages.baseUrl()).getHost();
            return host == null ? "hoshimi" : host;
        } catch (IllegalArgumentException e) {
            return "hoshimi";
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
