package jp.hoshimi.shared.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The language of an API answer: the first of Japanese or English that Accept-Language asks for, else the
 * configured default ({@code hoshimi.api.default-language}, Japanese: the product's first language). Every
 * {@code request.getLocale()} below this filter sees the chosen one, so controllers and the error handler
 * need nothing else (issue 18).
 */
class ApiLanguageFilter extends OncePerRequestFilter {

    private final Locale defaultLanguage;

    ApiLanguageFilter(Locale defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri instanceof String uri ? uri : request.getRequestURI();
        return !path.startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale chosen = choose(request);
        chain.doFilter(
                new HttpServletRequestWrapper(request) {
                    @Override
                    public Locale getLocale() {
                        return chosen;
                    }

                    @Override
                    public Enumeration<Locale> getLocales() {
                        return Collections.enumeration(java.util.List.of(chosen));
                    }
                },
                response);
    }

    Locale choose(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return defaultLanguage;
        }
        for (Locale asked : Collections.list(request.getLocales())) {
            if (asked.getLanguage().equals("ja")) {
                return Locale.JAPANESE;
            }
            if (asked.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return defaultLanguage;
    }
}
