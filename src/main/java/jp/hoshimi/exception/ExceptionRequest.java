package jp.hoshimi.exception;

import java.time.LocalDate;

/**
 * A request to accept a risk: for one finding (the supplier in {@code contractId}'s chain) or, with
 * {@code contractId} null, for the supplier across all its contracts.
 */
public record ExceptionRequest(
        long supplierId, Long contractId, String justification, String compensatingMeasures, LocalDate endsOn) {}
