package jp.hoshimi.alert;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Posts alert JSON to the group's incoming webhook (Teams and Slack accept the payload's shape). */
@Component
class WebhookChannel {

    private static final int MAX_ERROR_BODY = 200;

    private final AlertProperties properties;
    private final HttpClient http;

    WebhookChannel(AlertProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void post(String url, String json, String idempotencyKey) throws DeliveryException {
        if (url == null || url.isBlank()) {
            throw new DeliveryException("alert.delivery.noWebhook", true);
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("Webhook: invalid URL", true);
        }
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String body = response.body() == null ? "" : response.body().strip();
                throw new DeliveryException(
                        "Webhook: HTTP " + response.statusCode() + " "
                                + body.substring(0, Math.min(body.length(), MAX_ERROR_BODY)),
                        response.statusCode() / 100 == 4 && response.statusCode() != 429);
            }
        } catch (IOException e) {
            throw new DeliveryException(
                    "Webhook: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("Webhook: interrupted", e);
        }
    }
}
