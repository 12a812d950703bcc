package jp.hoshimi.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser that closes a page while a response is still being written ("Broken pipe", "Connection reset")
 * is not an error of ours: logged at DEBUG without a stack trace instead of Tomcat's ERROR (issue 24).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientAbortFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ClientAbortFilter.class);
    static final String CLIENT_ABORT = "org.apache.catalina.connector.ClientAbortException";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!isClientAbort(e)) {
                throw e;
            }
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
        }
    }

    /** True when {@code e} or a cause says the client closed the connection while we answered. */
    public static boolean isClientAbort(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (CLIENT_ABORT.equals(cause.getClass().getName())
                    || "org.springframework.web.context.request.async.AsyncRequestNotUsableException"
                            .equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
