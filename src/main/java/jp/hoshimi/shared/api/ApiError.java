package jp.hoshimi.shared.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The body of every API error: a stable {@code code} for programs, a {@code message} for people (in the
 * request's language: Japanese or English by Accept-Language, Japanese when it asks for neither), and
 * field or parameter problems where known.
 */
@Schema(description = "Every 4xx/5xx answer of the API")
public record ApiError(
        @Schema(
                description = "Stable code for programs, e.g. BAD_REQUEST, VALIDATION_FAILED, NOT_FOUND,"
                        + " STALE_VERSION, PRECONDITION_FAILED, UNAUTHORIZED, FORBIDDEN",
                example = "BAD_REQUEST")
        String code,

        @Schema(
                description = "For people, in the request's language",
                example = "Parameter \"status\": \"FOO\" is not allowed; expected one of ACTIVE, ENDED")
        String message,

        @Schema(description = "One entry per parameter or field at fault (may be empty)")
        List<Problem> problems) {

    public record Problem(
            @Schema(description = "The parameter or field, e.g. status, limit, body.requiredLevel", example = "limit")
            String field,

            @Schema(description = "Stable code or message key of the problem", example = "api.param.range")
            String code,

            @Schema(description = "For people, in the request's language")
            String message) {}

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
