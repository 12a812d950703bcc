package jp.hoshimi.shared.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * What the served OpenAPI description (/api/docs) says beyond what SpringDoc reads from the controllers
 * (issue 18): its title and the app's version, bearer authentication, and every error status an operation
 * can really answer with the {@link ApiError} body. The error statuses follow from the operation's shape,
 * so a new controller in any feature package is described the same way without doing anything: query or
 * body → 400; a path variable → 404; a write → 409 and 503; a body → 415 and 422; an {@code If-Match}
 * header → 412; every operation → 401, 403, 429, 500.
 */
@Configuration
class OpenApiDescription {

    static final String BEARER = "bearerAuth";
    private static final String ERROR_REF = "#/components/schemas/ApiError";

    @Bean
    OpenApiCustomizer hoshimiOpenApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
        return openApi -> {
            openApi.info(new Info()
                    .title("Hoshimi API")
                    .version(version)
                    .description("Supplier master, contracts and their sub-contractor chains, the star register and"
                            + " the compliance evaluation of Hoshimi. Authenticate with an API token"
                            + " (管理 → API トークン): Authorization: Bearer <token>. Errors are JSON ApiError"
                            + " bodies with a stable code; messages follow Accept-Language (ja or en; Japanese"
                            + " when missing)."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .description("An API token created by an administrator, e.g. hsm_…"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            ModelConverters.getInstance().readAll(ApiError.class).forEach(components::addSchemas);
            if (openApi.getPaths() != null) {
                openApi.getPaths().forEach((path, item) -> describeErrors(path, item));
            }
        };
    }

    /**
     * Operation ids a generated client can keep: the controller's tag and the method ("Suppliers" + list →
     * suppliersList), where SpringDoc's own are the method name numbered in scan order (list_1, list_5), so a
     * new controller renamed the methods of every generated client.
     */
    @Bean
    OperationCustomizer stableOperationIds() {
        return (operation, handler) -> {
            Tag tag = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Tag.class);
            String prefix = tag == null ? handler.getBeanType().getSimpleName() : tag.name();
            return operation.operationId(operationId(prefix, handler.getMethod().getName()));
        };
    }

    static String operationId(String tag, String method) {
        StringBuilder id = new StringBuilder();
        for (String word : tag.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(id.isEmpty() ? word.toLowerCase(java.util.Locale.ROOT) : upperFirst(word));
            }
        }
        return id.append(upperFirst(method)).toString();
    }

    private static String upperFirst(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static void describeErrors(String path, PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            boolean write = method != PathItem.HttpMethod.GET;
            boolean body = operation.getRequestBody() != null;
            boolean query = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "query".equals(p.getIn()));
            boolean ifMatch = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equalsIgnoreCase(p.getName()));
            ApiResponses responses = operation.getResponses();
            boolean paged = operation.getParameters() != null
                    && operation.getParameters().stream()
                            .anyMatch(p -> "query".equals(p.getIn()) && "limit".equals(p.getName()));
            if (!write) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        describeHeaders(response, paged);
                    }
                });
            }
            if (query || body) {
                add(
                        responses,
                        "400",
                        "BAD_REQUEST",
                        "A parameter or the body cannot be read: the message names it"
                                + " and what was expected (allowed values, maximum, …); unknown query parameters too.");
            }
            add(responses, "401", "UNAUTHORIZED", "No valid API token (Authorization: Bearer <token>).");
            add(responses, "403", "FORBIDDEN", "The token's role may not do this.");
            if (path.contains("{")) {
                add(responses, "404", "NOT_FOUND", "No such resource in the token's scope.");
            }
            if (write) {
                add(
                        responses,
                        "409",
                        "STALE_VERSION",
                        "Someone else changed it first (or another conflict with"
                                + " stored data, named by the code, e.g. SUPPLIER_IN_USE, NO_REGISTER_SOURCE).");
            }
            if (ifMatch) {
                add(responses, "412", "PRECONDITION_FAILED", "If-Match does not match the current ETag.");
            }
            if (body) {
                add(responses, "415", "UNSUPPORTED_MEDIA_TYPE", "The body is not in the media type documented.");
            }
            if (body || query) {
                add(responses, "422", "VALIDATION_FAILED", "The values break a rule; problems[] name each field.");
            }
            add(
                    responses,
                    "429",
                    "TOO_MANY_ATTEMPTS",
                    "Too many wrong API tokens from this address; see" + " Retry-After.");
            if (write) {
                add(responses, "503", "BUSY", "A lock conflict outlasted its retries; try again after Retry-After.");
            }
            add(
                    responses,
                    "500",
                    "INTERNAL_ERROR",
                    "A fault on the server; the message carries a reference" + " that is in the server's log.");
        });
    }

    /** The headers every successful read carries (RegisterFreshnessHeaders) and a page's (ApiPage). */
    private static void describeHeaders(ApiResponse response, boolean paged) {
        if (paged) {
            header(response, "Link", "<…?offset=…&limit=…>; rel=\"next\" while there may be more rows", "string");
            header(response, "X-Total-Count", "Rows in all (capped like the screens' counts)", "integer");
            header(response, "X-Total-Count-Capped", "true when X-Total-Count is a lower bound", "boolean");
        }
        header(
                response,
                "X-Register-As-Of",
                "When the register was last synced (UTC ISO), empty before the first",
                "string");
        header(response, "X-Register-Stale", "true when that is older than the staleness limit", "boolean");
    }

    private static void header(ApiResponse response, String name, String description, String type) {
        response.addHeaderObject(
                name,
                new io.swagger.v3.oas.models.headers.Header()
                        .description(description)
                        // both: the description is OpenAPI 3.1, which writes "types"
                        .schema(new Schema<>().type(type).types(java.util.Set.of(type))));
    }

    private static void add(ApiResponses responses, String status, String code, String description) {
        if (responses.containsKey(status)) {
            ApiResponse existing = responses.get(status);
            if (existing.getContent() == null || existing.getContent().isEmpty()) {
                existing.content(errorContent(code));
            }
            return;
        }
        responses.addApiResponse(
                status, new ApiResponse().description(description).content(errorContent(code)));
    }

    private static Content errorContent(String code) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("code", code);
        example.put("message", "…");
        example.put("problems", java.util.List.of());
        return new Content()
                .addMediaType(
                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType()
                                .schema(new Schema<>().$ref(ERROR_REF))
                                .addExamples(code, new Example().value(example)));
    }
}
