package jp.hoshimi.alert;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alert mails over SMTP when {@code spring.mail.host} is set (Spring Boot then provides the
 * {@link JavaMailSender}); otherwise to the development mail sink if there is one; otherwise e-mail is off.
 */
@Component
public class MailChannel {

    /** How mail leaves this node. */
    public enum Mode {
        SMTP,
        DEV_SINK,
        OFF
    }

    private final JavaMailSender smtp;
    private final MailSink sink;

    MailChannel(ObjectProvider<JavaMailSender> smtp, ObjectProvider<MailSink> sink) {
        this.smtp = smtp.getIfAvailable();
        this.sink = sink.getIfAvailable();
    }

    public Mode mode() {
        return smtp != null ? Mode.SMTP : sink != null ? Mode.DEV_SINK : Mode.OFF;
    }

    boolean available() {
        return mode() != Mode.OFF;
    }

    void send(OutgoingMail mail) throws DeliveryException {
        if (mail.to() == null || mail.to().isBlank()) {
            throw new DeliveryException("alert.delivery.noAddress", true);
        }
        switch (mode()) {
            case SMTP -> sendSmtp(mail);
            case DEV_SINK -> sink.deliver(mail);
            case OFF -> throw new DeliveryException("alert.delivery.mailOff", true);
        }
    }

    private void sendSmtp(OutgoingMail mail) throws DeliveryException {
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(mail.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            // Spring keeps an explicit Message-ID: the same deliveries always carry the same one
            message.setHeader("Message-ID", mail.messageId());
            smtp.send(message);
        } catch (MessagingException | MailException e) {
            throw new DeliveryException(describe(e), e);
        }
    }

    /** The innermost message: "Connection refused", "550 mailbox unavailable", … */
    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return "SMTP: " + detail;
    }
}
