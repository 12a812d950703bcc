package jp.hoshimi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import jp.hoshimi.security.ApiTokenService;
import jp.hoshimi.security.SignInThrottle;
import jp.hoshimi.shared.identity.ApiTokenPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} requests to the REST API. Wrong tokens are counted per
 * client address: after repeated ones the address gets 429 with Retry-After before any token is looked up.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final SecurityContextHolderStrategy contexts;
    private final SignInThrottle throttle;

    public ApiTokenFilter(ApiTokenService tokens, SecurityContextHolderStrategy contexts, SignInThrottle throttle) {
        this.tokens = tokens;
        this.contexts = contexts;
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<Duration> wait = throttle.checkToken(request.getRemoteAddr());
            if (wait.isPresent()) {
                refuse(response, wait.get());
                return;
            }
            Optional<ApiTokenPrincipal> principal = tokens.authenticate(header.substring(7));
            if (principal.isEmpty()) {
                throttle.tokenRefused(request.getRemoteAddr());
            }
            principal.ifPresent(this::signIn);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            contexts.clearContext();
        }
    }

    private void signIn(ApiTokenPrincipal principal) {
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                principal,
                null,
                List.of(new SimpleGrantedAuthority(principal.role().authority()))));
        contexts.setContext(context);
    }

    private static void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = RetryAfter.seconds(wait);
        response.setHeader("Retry-After", Long.toString(seconds));
        ApiErrorWriter.write(
                response,
                429,
                "TOO_MANY_ATTEMPTS",
                "Too many wrong API tokens from this address. Try again in " + seconds + " seconds.");
    }
}
