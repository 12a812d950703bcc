package jp.hoshimi.shared.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.MessageBundle;
import jp.hoshimi.shared.web.ClientAbortFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Turns service exceptions into JSON errors with stable codes. Never a stack trace, never a 5xx for bad input. */
@RestControllerAdvice(basePackages = "jp.hoshimi")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageBundle messages;
    private final ApiErrorResponses errors;

    ApiExceptionHandler(MessageBundle messages, ApiErrorResponses errors) {
        this.messages = messages;
        this.errors = errors;
    }

    /** Spring's own refusals inside a controller keep their status (never the 500 below), as the API's JSON. */
    @ExceptionHandler({
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class,
        MaxUploadSizeExceededException.class
    })
    void refusedBySpring(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = e instanceof ErrorResponse answer ? answer.getStatusCode().value() : 413;
        errors.write(request, response, status, null);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ApiError> invalid(ValidationException e, HttpServletRequest request) {
        Locale locale = request.getLocale();
        var problems = e.problems().stream()
                .map(p -> new ApiError.Problem(
                        p.field(),
                        p.messageKey(),
                        messages.getTranslation(
                                p.messageKey(), locale, p.arguments().toArray())))
                .toList();
        String summary = problems.stream()
                .map(ApiError.Problem::message)
                .reduce((a, b) -> a + " " + b)
                .orElse("");
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ApiError("VALIDATION_FAILED", summary, problems));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiError.of("NOT_FOUND", messages.getTranslation("error.notFound", request.getLocale())));
    }

    @ExceptionHandler(ConcurrentEditException.class)
    ResponseEntity<ApiError> stale(ConcurrentEditException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiError.of(
                        "STALE_VERSION", messages.getTranslation("concurrentEdit.text", request.getLocale())));
    }

    @ExceptionHandler(ApiVersions.ApiPreconditionFailedException.class)
    ResponseEntity<ApiError> preconditionFailed(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .body(ApiError.of(
                        "PRECONDITION_FAILED",
                        messages.getTranslation("api.error.PRECONDITION_FAILED", request.getLocale())));
    }

    @ExceptionHandler(ApiConflictException.class)
    ResponseEntity<ApiError> conflict(ApiConflictException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(ApiError.of(
                        e.code(), messages.getTranslation(e.messageKey(), request.getLocale(), e.arguments())));
    }

    /** A deadlock or lock wait that its retries did not overcome: busy, try again (never a 500). */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    ResponseEntity<ApiError> busy(Exception e, HttpServletRequest request) {
        log.warn("Lock conflict after retries: {}", firstLine(e.getMessage()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "2")
                .body(ApiError.of("BUSY", messages.getTranslation("error.busy", request.getLocale())));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(AccessDeniedException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(ApiError.of("FORBIDDEN", messages.getTranslation("error.accessDenied", request.getLocale())));
    }

    @ExceptionHandler(ApiBadRequestException.class)
    ResponseEntity<ApiError> badParameter(ApiBadRequestException e, HttpServletRequest request) {
        return badRequest(request.getLocale(), e.parameter(), e.messageKey(), e.arguments());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> wrongType(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        Locale locale = request.getLocale();
        return badRequest(
                locale,
                e.getName(),
                "api.param.invalid",
                e.getName(),
                String.valueOf(e.getValue()),
                expected(e.getRequiredType(), locale));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        Locale locale = request.getLocale();
        Class<?> type = e.getMethodParameter() == null
                ? String.class
                : e.getMethodParameter().getParameterType();
        return badRequest(
                locale, e.getParameterName(), "api.param.missing", e.getParameterName(), expected(type, locale));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e, HttpServletRequest request) {
        Locale locale = request.getLocale();
        return badRequest(
                locale, e.getHeaderName(), "api.param.missing", e.getHeaderName(), expected(String.class, locale));
    }

    /** A body that is not JSON, or a field of the wrong type: names the field and what it takes. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Locale locale = request.getLocale();
        if (e.getCause() instanceof MismatchedInputException input
                && !input.getPath().isEmpty()) {
            String field = input.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining("."))
                    .replace(".[", "[");
            Object value = input instanceof InvalidFormatException invalid ? invalid.getValue() : "";
            return badRequest(
                    locale,
                    field,
                    "api.body.field",
                    field,
                    String.valueOf(value),
                    expected(input.getTargetType(), locale));
        }
        if (e.getCause() instanceof JsonProcessingException json && json.getLocation() != null) {
            return badRequest(
                    locale,
                    "body",
                    "api.body.syntax",
                    "body",
                    String.valueOf(json.getLocation().getLineNr()),
                    String.valueOf(json.getLocation().getColumnNr()));
        }
        return badRequest(locale, "body", "api.body.missing", "body");
    }

    /** Anything else a controller refused as unusable input: 400 with the generic message, no internals. */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> illegalArgument(IllegalArgumentException e, HttpServletRequest request) {
        log.debug("Bad API request: {}", firstLine(e.getMessage()));
        return ResponseEntity.badRequest()
                .body(ApiError.of(
                        "BAD_REQUEST", messages.getTranslation("api.error.BAD_REQUEST", request.getLocale())));
    }

    private ResponseEntity<ApiError> badRequest(Locale locale, String field, String key, Object... arguments) {
        String message = messages.getTranslation(key, locale, arguments);
        return ResponseEntity.badRequest()
                .body(new ApiError("BAD_REQUEST", message, List.of(new ApiError.Problem(field, key, message))));
    }

    /** What a parameter of this type takes, in words: the allowed values of an enum, a whole number, … */
    private String expected(Class<?> type, Locale locale) {
        if (type != null && type.isEnum()) {
            @SuppressWarnings("unchecked")
            Class<? extends Enum<?>> enumType = (Class<? extends Enum<?>>) type;
            return messages.getTranslation("api.expected.oneOf", locale, ApiParameters.allowed(enumType));
        }
        String key = type == null
                ? "api.expected.text"
                : switch (type.getSimpleName()) {
                    case "int", "Integer", "long", "Long", "short", "Short" -> "api.expected.integer";
                    case "boolean", "Boolean" -> "api.expected.boolean";
                    case "LocalDate" -> "api.expected.date";
                    default -> "api.expected.text";
                };
        return messages.getTranslation(key, locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
        if (jp.hoshimi.shared.tx.LockConflictRetry.isLockConflict(e)) {
            return busy(e, request);
        }
        if (ClientAbortFilter.isClientAbort(e)) {
            // the client went away mid-response: nobody to answer, nothing of ours to fix (issue 24)
            log.debug("Client went away during {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return null;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unhandled API error, reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(ApiError.of(
                        "INTERNAL_ERROR", messages.getTranslation("error.unexpected", request.getLocale(), reference)));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
