package jp.hoshimi.register.api;

import jakarta.servlet.http.HttpServletResponse;
import jp.hoshimi.register.RegisterService;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every successful read of the API says how current the register behind it is (issue 18): {@code
 * X-Register-As-Of} (the last successful sync, UTC ISO) and {@code X-Register-Stale}, so a list of OK rows
 * from old data does not look like good news. Bodies that carry it themselves (findings, evaluations) keep
 * their fields too.
 */
@RestControllerAdvice(basePackages = "jp.hoshimi")
class RegisterFreshnessHeaders implements ResponseBodyAdvice<Object> {

    private final RegisterService register;

    RegisterFreshnessHeaders(RegisterService register) {
        this.register = register;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (request.getMethod() == HttpMethod.GET
                && request.getURI().getPath().startsWith("/api/v1/")
                && response instanceof ServletServerHttpResponse servlet
                && isSuccess(servlet.getServletResponse())) {
            RegisterService.Freshness freshness = register.freshness();
            response.getHeaders()
                    .set("X-Register-As-Of", freshness.lastSuccess() == null ? "" : freshness.lastSuccess() + "Z");
            response.getHeaders().set("X-Register-Stale", String.valueOf(freshness.stale()));
        }
        return body;
    }

    private static boolean isSuccess(HttpServletResponse response) {
        return response.getStatus() >= 200 && response.getStatus() < 300;
    }
}
