package jp.hoshimi.alert;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How alerts are sent ({@code hoshimi.alert.*}).
 *
 * @param baseUrl the app's public address as recipients reach it (links in mails and webhook posts); blank:
 *     {@code http://localhost:} and the port the server listens on (see {@link AppBaseUrl})
 * @param mailFrom sender address of alert mails
 * @param dispatchInterval how often the dispatcher job runs (0: never by schedule, only when called)
 * @param maxAttempts attempts per delivery before it is reported as failed
 * @param retryBackoff wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param sendLease how long a claim lasts without renewal; the dispatcher renews it every third of this
 *     while it sends, so a claim that runs out means the node stopped, and the delivery becomes UNCERTAIN
 * @param digestTime when daily digests go out (Asia/Tokyo)
 * @param batchSize compliance events read, or deliveries claimed, per step
 * @param webhookTimeout connect and answer timeout of a webhook post
 * @param webhookGroup how many alerts one webhook post lists at most
 */
@ConfigurationProperties("hoshimi.alert")
public record AlertProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("hoshimi@localhost") String mailFrom,
        @DefaultValue("30s") Duration dispatchInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("1h") Duration maxBackoff,
        @DefaultValue("90s") Duration sendLease,
        @DefaultValue("08:00") LocalTime digestTime,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("20") int webhookGroup) {

    /** The wait before attempt {@code attempts + 1}: backoff, doubled per failed attempt, capped. */
    public Duration backoffAfter(int attempts) {
        Duration wait = retryBackoff;
        for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
