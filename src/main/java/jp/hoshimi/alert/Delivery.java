package jp.hoshimi.alert;

import java.time.LocalDateTime;

/** An outbox row as administrators see it: to whom, how, how it went. */
public record Delivery(
        long id,
        Alert alert,
        Channel channel,
        String recipient,
        String address,
        boolean digest,
        DeliveryStatus status,
        int attempts,
        LocalDateTime dueAt,
        LocalDateTime sentAt,
        String lastError) {

    public Delivery withAlert(Alert changed) {
        return new Delivery(
                id, changed, channel, recipient, address, digest, status, attempts, dueAt, sentAt, lastError);
    }
}
