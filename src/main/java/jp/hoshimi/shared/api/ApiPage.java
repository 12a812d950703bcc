package jp.hoshimi.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import jp.hoshimi.shared.ResultCount;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one paging scheme of every API list (issue 18): {@code offset} (from 0) and {@code limit} (1 to {@value
 * #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}); anything else is 400 naming the parameter. The answer is the
 * page's rows, with a {@code Link: <…>; rel="next"} header while there may be more rows, and {@code
 * X-Total-Count} where the list counts (capped like the screens: {@code X-Total-Count-Capped: true} means
 * "at least"). In a controller: {@code ApiPage page = ApiPage.of(offset, limit); … return page.answer(request,
 * rows, count);} with {@code @RequestParam(defaultValue = ApiPage.DEFAULT) int limit}.
 */
public record ApiPage(int offset, int limit) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;
    /** For {@code @RequestParam(defaultValue = …)}. */
    public static final String DEFAULT = "100";

    public static final String LIMIT_DESCRIPTION =
            "Rows per page, 1 to 1000 (default 100); follow the Link rel=next" + " header for the next page";
    public static final String OFFSET_DESCRIPTION = "Rows to skip, from 0";

    /** @throws ApiBadRequestException when offset is negative or limit outside 1..{@value #MAX_LIMIT} */
    public static ApiPage of(int offset, int limit) {
        if (offset < 0) {
            throw new ApiBadRequestException(
                    "offset", "api.param.range", String.valueOf(offset), "0", String.valueOf(Integer.MAX_VALUE));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ApiBadRequestException(
                    "limit", "api.param.range", String.valueOf(limit), "1", String.valueOf(MAX_LIMIT));
        }
        return new ApiPage(offset, limit);
    }

    /** The rows with the paging headers; {@code total} may be null for lists that do not count. */
    public <T> ResponseEntity<List<T>> answer(HttpServletRequest request, List<T> rows, ResultCount total) {
        return ResponseEntity.ok().headers(headers(request, rows.size(), total)).body(rows);
    }

    /** The paging headers alone, for answers that wrap their rows in an object. */
    public HttpHeaders headers(HttpServletRequest request, int returned, ResultCount total) {
        HttpHeaders headers = new HttpHeaders();
        if (total != null) {
            headers.set("X-Total-Count", String.valueOf(total.value()));
            headers.set("X-Total-Count-Capped", String.valueOf(total.lowerBound()));
        }
        boolean more = returned == limit && (total == null || total.lowerBound() || offset + limit < total.value());
        if (more) {
            String next = ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("offset", offset + limit)
                    .replaceQueryParam("limit", limit)
                    .build()
                    .toUriString();
            headers.add(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return headers;
    }
}
