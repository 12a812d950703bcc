package jp.hoshimi.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Refuses a sign-in while the application is still starting (before the demo users, data and first sync
 * exist a user would see an empty app, or no account at all): the login page is shown again with
 * {@code ?starting}, which says what is being prepared.
 */
public class StartupGateFilter extends SignInPostFilter {

    private final BooleanSupplier ready;

    public StartupGateFilter(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready.getAsBoolean()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "5");
        response.sendRedirect(request.getContextPath() + "/login?starting");
    }
}
