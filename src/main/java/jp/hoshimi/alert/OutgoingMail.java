package jp.hoshimi.alert;

import java.time.LocalDateTime;

/**
 * An alert mail as it leaves: one recipient, a plain-text and an HTML part. {@code messageId} is the
 * idempotency key (the same deliveries always make the same Message-ID).
 */
public record OutgoingMail(
        String messageId, String from, String to, String subject, String text, String html, LocalDateTime at) {}
