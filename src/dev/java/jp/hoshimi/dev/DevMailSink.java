package jp.hoshimi.dev;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import jp.hoshimi.alert.MailSink;
import jp.hoshimi.alert.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Development only: with no SMTP server configured, alert mails are kept here (the newest 500) and shown
 * on the "sent mail" screen, so a newcomer sees the demo's alerts arrive by mail on the first run.
 */
@Component
@ConditionalOnProperty(name = "hoshimi.dev-db.active", havingValue = "true")
class DevMailSink implements MailSink {

    private static final Logger log = LoggerFactory.getLogger(DevMailSink.class);
    private static final int KEEP = 500;

    private final Deque<OutgoingMail> mails = new ConcurrentLinkedDeque<>();

    @Override
    public void deliver(OutgoingMail mail) {
        mails.addFirst(mail);
        while (mails.size() > KEEP) {
            mails.pollLast();
        }
        log.info("Mail to {} kept on the dev sent-mail screen (/dev/mail): {}", mail.to(), mail.subject());
    }

    /** Newest first. */
    List<OutgoingMail> mails() {
        return new ArrayList<>(mails);
    }
}
