package jp.hoshimi.exception.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.exception.ExceptionRequest;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.exception.ExceptionState;
import jp.hoshimi.exception.RiskException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exceptions (例外承認) over REST. Deciding needs a risk manager token that is not the requester (four
 * eyes by who acted: a token's name); the token's data scope applies as for contracts.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
@Tag(name = "Exceptions", description = "Accepted risks: time-boxed, approved by a second risk manager")
class ExceptionApi {

    /** A request: the supplier by id; a contract number for one finding, none for all its contracts. */
    record NewException(
            Long supplierId,
            String contractNumber,
            String justification,
            String compensatingMeasures,
            LocalDate endsOn) {}

    /** A decision on a request: the version read, and an optional note. */
    record Decision(Integer version, String note) {}

    record ExceptionsJson(int total, int offset, List<RiskException> exceptions) {}

    private final ExceptionService exceptions;
    private final ContractService contracts;

    ExceptionApi(ExceptionService exceptions, ContractService contracts) {
        this.exceptions = exceptions;
        this.contracts = contracts;
    }

    @PostMapping
    @Operation(summary = "Request an exception for one finding (with contractNumber) or a supplier across contracts")
    ResponseEntity<RiskException> request(@RequestBody NewException body) {
        if (body.supplierId() == null) {
            throw new ValidationException(FieldProblem.of("supplierId", "validation.required"));
        }
        Long contractId = body.contractNumber() == null || body.contractNumber().isBlank()
                ? null
                : contracts
                        .findByNumber(body.contractNumber().strip())
                        .orElseThrow(() -> new NotFoundException("contract", body.contractNumber()))
                        .id();
        long id = exceptions.request(new ExceptionRequest(
                body.supplierId(), contractId, body.justification(), body.compensatingMeasures(), body.endsOn()));
        return ResponseEntity.created(URI.create("/api/v1/exceptions/" + id)).body(exceptions.get(id));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a request (a risk manager who did not request it)")
    RiskException approve(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        exceptions.approve(id, version(id, decision), decision == null ? null : decision.note());
        return exceptions.get(id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a request (a risk manager who did not request it)")
    RiskException reject(@PathVariable long id, @RequestBody(required = false) Decision decision) {
        exceptions.reject(id, version(id, decision), decision == null ? null : decision.note());
        return exceptions.get(id);
    }

    @PostMapping("/{id}/end")
    @Operation(summary = "End an approved exception early (risk managers): the finding reopens")
    RiskException end(@PathVariable long id) {
        exceptions.end(id);
        return exceptions.get(id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One exception")
    RiskException get(@PathVariable long id) {
        return exceptions.get(id);
    }

    @GetMapping
    @Operation(
            summary = "Exceptions, newest first",
            description = "state: REQUESTED, APPROVED, REJECTED, ENDED or LAPSED; none = all.")
    ExceptionsJson list(
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        ExceptionState wanted = state(state);
        return new ExceptionsJson(exceptions.count(wanted), offset, exceptions.list(wanted, offset, limit));
    }

    /** The version the caller read, or the current one when the caller did not say. */
    private int version(long id, Decision decision) {
        return decision != null && decision.version() != null
                ? decision.version()
                : exceptions.get(id).version();
    }

    private static ExceptionState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return ExceptionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(FieldProblem.of("state", "exception.api.unknownState", state.strip()));
        }
    }
}
