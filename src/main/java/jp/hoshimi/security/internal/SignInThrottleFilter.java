package jp.hoshimi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import jp.hoshimi.security.SignInThrottle;

/**
 * Refuses a sign-in form post at once, before the password is checked, while the account or the client
 * address is delayed or locked: back to the login page with {@code ?blocked=<seconds>}, which says when to
 * try again. Failures and successes are counted by {@link SignInEvents}.
 */
public class SignInThrottleFilter extends SignInPostFilter {

    private final SignInThrottle throttle;

    public SignInThrottleFilter(SignInThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = Objects.requireNonNullElse(request.getParameter("username"), "");
        Optional<Duration> wait = throttle.checkSignIn(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = RetryAfter.seconds(wait.get());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.sendRedirect(request.getContextPath() + "/login?blocked=" + seconds);
    }
}
