package jp.hoshimi.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error page of API requests. Whatever the container sends to the error page for a path under
 * {@code /api/} (an upload over the servlet's limit, 405/406/415 before any controller, a path the firewall
 * rejects) is answered here with the API's JSON, before the error dispatch could reach the sign-in (302 to
 * the login page) or the app's HTML. Registered for error dispatches only (see {@link ApiFallbackConfig}).
 */
class ApiErrorDispatchFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorDispatchFilter.class);
    private final ApiErrorResponses errors;

    ApiErrorDispatchFilter(ApiErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String path) || !path.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        String reference = null;
        if (status >= 500) {
            reference = UUID.randomUUID().toString().substring(0, 8);
            Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            log.error(
                    "API error {} on {}, reference {}",
                    status,
                    path,
                    reference,
                    cause instanceof Throwable t ? t : null);
        }
        errors.write(request, response, status, reference);
    }
}
