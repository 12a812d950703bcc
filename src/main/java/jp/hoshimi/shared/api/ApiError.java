package jp.hoshimi.shared.api;

import java.util.List;

/**
 * The body of every API error: a stable {@code code} for programs, a {@code message} for people (in the
 * request's language: Japanese for Accept-Language ja, else English), and field problems where known.
 */
public record ApiError(String code, String message, List<Problem> problems) {

    public record Problem(String field, String code, String message) {}

    public static ApiError of(String code, String message) {
        return new ApiError(code, message, List.of());
    }
}
