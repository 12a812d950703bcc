package jp.hoshimi.alert;

/**
 * The group's incoming webhook (a Teams or Slack channel): compliance and register alerts are posted to it
 * as well, in one language. {@code version} guards against two administrators saving at once.
 */
public record WebhookSettings(String url, boolean enabled, String language, int version) {}
