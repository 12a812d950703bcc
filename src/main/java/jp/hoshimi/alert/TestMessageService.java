package jp.hoshimi.alert;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.hoshimi.alert.internal.AlertSettingsRepository;
import jp.hoshimi.alert.internal.TestMessageRepository;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;

/**
 * "Send a test message" (issue 24): a real mail to an address the administrator gives and a real post to
 * the group's webhook when it is enabled, each recorded with whether it went through, so that set-up knows
 * alerts can reach people.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class TestMessageService {

    static final String SUBJECT = "Hoshimi テストメッセージ / test message";
    static final String TEXT = "Hoshimi からのテストメッセージです。このメッセージが届けば、通知は届きます。\n"
            + "This is a test message from Hoshimi. If it arrived, alerts will reach you.";

    /** One channel's outcome: {@code detail} says why it failed. */
    public record Result(String channel, String recipient, boolean ok, String detail) {}

    private final MailChannel mail;
    private final WebhookChannel webhook;
    private final AlertSettingsRepository alerts;
    private final TestMessageRepository sent;
    private final AlertProperties properties;
    private final SystemAuthentication system;
    private final Clock clock;

    TestMessageService(
            MailChannel mail,
            WebhookChannel webhook,
            AlertSettingsRepository alerts,
            TestMessageRepository sent,
            AlertProperties properties,
            SystemAuthentication system,
            Clock clock) {
        this.mail = mail;
        this.webhook = webhook;
        this.alerts = alerts;
        this.sent = sent;
        this.properties = properties;
        this.system = system;
        this.clock = clock;
    }

    /** Sends to {@code mailTo} (when mail is on and an address is given) and to the webhook (when enabled). */
    public List<Result> send(String mailTo) {
        String to = mailTo == null ? "" : mailTo.strip();
        WebhookSettings hook = alerts.webhook();
        boolean toWebhook = hook.enabled() && hook.url() != null;
        boolean toMail = mail.available() && !to.isEmpty();
        if (!toMail && !toWebhook) {
            throw new ValidationException(FieldProblem.of("mailTo", "alert.test.nothingToSend"));
        }
        String key = "test-" + UUID.randomUUID();
        List<Result> results = new ArrayList<>();
        if (toMail) {
            results.add(attempt(
                    "MAIL",
                    to,
                    () -> mail.send(new OutgoingMail(
                            "<" + key + "@hoshimi>",
                            properties.mailFrom(),
                            to,
                            SUBJECT,
                            TEXT,
                            "<p>" + TEXT.replace("\n", "<br>") + "</p>",
                            now()))));
        }
        if (toWebhook) {
            String json = "{\"text\":\"" + TEXT.replace("\n", "\\n") + "\",\"test\":true}";
            results.add(attempt("WEBHOOK", hook.url(), () -> webhook.post(hook.url(), json, key)));
        }
        return results;
    }

    private interface Send {
        void run() throws DeliveryException;
    }

    private Result attempt(String channel, String recipient, Send send) {
        String detail = null;
        try {
            send.run();
        } catch (DeliveryException e) {
            detail = e.getMessage();
        }
        sent.record(channel, recipient, detail == null, detail, system.currentActor(), now());
        return new Result(channel, recipient, detail == null, detail);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
