package jp.hoshimi.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Refuses a query parameter the operation does not know with 400 naming it and the ones it accepts (issue
 * 18): {@code ?stauts=EXPIRED} must not quietly answer every row. Applies to every controller under
 * {@code /api/v1}; the accepted names are the operation's {@code @RequestParam}s and the components of a
 * {@code @ParameterObject} record, so nothing needs registering.
 */
class ApiKnownParameters implements HandlerInterceptor {

    private static final ParameterNameDiscoverer NAMES = new DefaultParameterNameDiscoverer();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        Set<String> known = known(method);
        for (String name : UriComponentsBuilder.fromUriString("?" + request.getQueryString())
                .build()
                .getQueryParams()
                .keySet()) {
            if (!known.contains(name)) {
                throw new ApiBadRequestException(name, "api.param.unknown", String.join(", ", known));
            }
        }
        return true;
    }

    private static Set<String> known(HandlerMethod method) {
        Set<String> names = new TreeSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            parameter.initParameterNameDiscovery(NAMES);
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                names.add(name);
            } else if (parameter.hasParameterAnnotation(ParameterObject.class)
                    && parameter.getParameterType().isRecord()) {
                Arrays.stream(parameter.getParameterType().getRecordComponents())
                        .forEach(c -> names.add(c.getName()));
            }
        }
        return names;
    }
}
