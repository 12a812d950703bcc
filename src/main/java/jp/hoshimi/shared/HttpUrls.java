package jp.hoshimi.shared;

import java.net.URI;

/** Checks of URLs that administrators type in (webhook, register source). */
public final class HttpUrls {

    private HttpUrls() {}

    /** An absolute http:// or https:// URL with a host. */
    public static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
