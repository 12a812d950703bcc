package jp.hoshimi.outreach.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.RequestDetails;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestForm;
import jp.hoshimi.outreach.RequestListItem;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.StarLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests to suppliers over REST (issue 19). The data scope and role checks are the service's: another
 * unit's supplier is "not found", as in the UI.
 */
@RestController
@RequestMapping("/api/v1/requests")
@Tag(name = "Supplier requests", description = "Requests to suppliers for a star level, their answers and states")
class RequestApi {

    /**
     * A new request. Omitted fields take the suggestion from the supplier's gaps (gap type, level, due date,
     * contracts, primary contact, template message); {@code send} true sends it at once.
     */
    record NewRequest(
            Long supplierId,
            Long contactId,
            String contactName,
            String contactEmail,
            GapType gapType,
            StarLevel requestedLevel,
            LocalDate dueDate,
            String language,
            String message,
            List<Long> contractIds,
            Boolean send) {}

    /** A withdrawal: the version the caller saw, and why. */
    record Withdrawal(Integer version, String note) {}

    private final RequestService requests;

    RequestApi(RequestService requests) {
        this.requests = requests;
    }

    @PostMapping
    @Operation(summary = "Make a request (a draft, or sent at once with \"send\": true)")
    ResponseEntity<RequestDetails> create(@RequestBody NewRequest body) {
        if (body.supplierId() == null) {
            throw new IllegalArgumentException("supplierId is required");
        }
        RequestForm s = requests.suggest(body.supplierId(), body.language() == null ? "ja" : body.language());
        RequestForm form = new RequestForm(
                body.supplierId(),
                body.contactId() != null ? body.contactId() : body.contactEmail() == null ? s.contactId() : null,
                body.contactName() != null ? body.contactName() : s.contactName(),
                body.contactEmail() != null ? body.contactEmail() : s.contactEmail(),
                body.gapType() != null ? body.gapType() : s.gapType(),
                body.requestedLevel() != null ? body.requestedLevel() : s.requestedLevel(),
                body.dueDate() != null ? body.dueDate() : s.dueDate(),
                s.language(),
                body.message(),
                body.contractIds() != null ? body.contractIds() : s.contractIds());
        long id = Boolean.TRUE.equals(body.send()) ? requests.createAndSend(form) : requests.create(form);
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id)).body(get(id));
    }

    @GetMapping
    @Operation(summary = "Requests in the caller's scope, by state and overdue")
    List<RequestListItem> list(
            @RequestParam(required = false) RequestState state,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) Long supplierId,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return requests.list(new RequestFilter(state, overdue, supplierId), offset, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request with its contracts, answers and timeline")
    RequestDetails get(@PathVariable long id) {
        return requests.find(id).orElseThrow(() -> new NotFoundException(RequestService.AUDIT_TYPE, id));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw a request (its answer links stop working)")
    RequestDetails withdraw(@PathVariable long id, @RequestBody(required = false) Withdrawal body) {
        RequestDetails current = get(id);
        int version = body == null || body.version() == null ? current.version() : body.version();
        requests.withdraw(id, version, body == null ? null : body.note());
        return get(id);
    }
}
