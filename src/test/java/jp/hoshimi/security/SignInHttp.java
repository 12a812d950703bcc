package jp.hoshimi.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like client of the sign-in form over real HTTP: keeps cookies, reads the CSRF token from the
 * login page's meta tags (as Vaadin's login form does) and posts it with the credentials. Follows no redirects.
 */
public class SignInHttp {

    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private final int port;
    private final HttpClient http;

    public SignInHttp(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Accept-Language", "en")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a freshly opened login page. */
    public String csrfToken() throws IOException, InterruptedException {
        String page = get("/login").body();
        Matcher meta = CSRF_META.matcher(page);
        if (!meta.find()) {
            throw new AssertionError("The login page carries no CSRF token");
        }
        return meta.group(1);
    }

    /** Opens the login page and posts the form with its CSRF token. */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        return post(username, password, csrfToken());
    }

    /** Posts the form with the given token (null: without one, as a forged cross-site post would). */
    public HttpResponse<String> post(String username, String password, String csrfToken)
            throws IOException, InterruptedException {
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (csrfToken == null ? "" : "&_csrf=" + encode(csrfToken));
        return http.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Where a response sends the client ("" when it is no redirect). */
    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
