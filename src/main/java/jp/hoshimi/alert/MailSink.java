package jp.hoshimi.alert;

/**
 * Where alert mails go when no SMTP server is configured ({@code spring.mail.host} unset). The development
 * build supplies one that keeps them for its "sent mail" screen; the production build has none, so there
 * alerts stay in the notification centre (and the webhook) only.
 */
public interface MailSink {

    void deliver(OutgoingMail mail);
}
