package jp.hoshimi.shared.api;

import jakarta.servlet.DispatcherType;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

/**
 * Every response under {@code /api/} is the API's JSON: unknown API paths are 404 (without this, Vaadin's
 * catch-all mapping answered them with the app's HTML), and error dispatches for API paths are JSON (without
 * this, they were sent to the login page). See docs/decisions/0021-sign-in-throttling-web-hardening.md.
 */
@Configuration
class ApiFallbackConfig implements WebMvcConfigurer {

    /** Unknown query parameters are refused on every API operation (see {@link ApiKnownParameters}). */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ApiKnownParameters()).addPathPatterns("/api/v1/**");
    }

    /**
     * Just before Vaadin's catch-all (LOWEST_PRECEDENCE - 1). Controllers are looked up first, so a known
     * path with another method or media type still gets 405/406/415 from Spring MVC.
     */
    @Bean
    SimpleUrlHandlerMapping apiNotFoundMapping(ApiErrorResponses errors) {
        HttpRequestHandler notFound = (request, response) -> errors.write(request, response, 404, null);
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/api/**", notFound));
        mapping.setOrder(Ordered.LOWEST_PRECEDENCE - 2);
        return mapping;
    }

    /** The answer's language for every API path (requests and error dispatches), before anything reads it. */
    @Bean
    FilterRegistrationBean<ApiLanguageFilter> apiLanguageFilter(
            @Value("${hoshimi.api.default-language:ja}") String defaultLanguage) {
        FilterRegistrationBean<ApiLanguageFilter> registration =
                new FilterRegistrationBean<>(new ApiLanguageFilter(Locale.forLanguageTag(defaultLanguage)));
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatchFilter(ApiErrorResponses errors) {
        FilterRegistrationBean<ApiErrorDispatchFilter> registration =
                new FilterRegistrationBean<>(new ApiErrorDispatchFilter(errors));
        registration.setDispatcherTypes(DispatcherType.ERROR);
        // before Spring Security's filter chain (-100), which would send the error dispatch to the login page
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
