package jp.hoshimi.shared.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import jp.hoshimi.shared.ui.MessageBundle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the API's JSON error for a bare HTTP status, where no controller answers: an unknown API path, or a
 * request that Spring or the servlet container refused before any controller (405, 406, 415, 413, a path the
 * firewall rejects). Codes and messages as {@link ApiExceptionHandler} gives them.
 */
@Component
class ApiErrorResponses {

    private final MessageBundle messages;
    private final ObjectMapper json;

    ApiErrorResponses(MessageBundle messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String reference)
            throws IOException {
        String code = codeOf(status);
        String message = reference == null
                ? messages.getTranslation("api.error." + code, request.getLocale())
                : messages.getTranslation("error.unexpected", request.getLocale(), reference);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(ApiError.of(code, message)));
    }

    static String codeOf(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
