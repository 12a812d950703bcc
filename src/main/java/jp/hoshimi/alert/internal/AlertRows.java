package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.hoshimi.alert.Alert;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.db.tables.records.AlertRecord;
import org.jooq.Record;
import org.jooq.SelectField;

/**
 * An {@link Alert} as a row of the alert table, both ways: the columns it is read from are listed here
 * once, and it is written through the table's record, so reading and writing cannot drift apart.
 */
final class AlertRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    /** The columns an {@link Alert} is made of (not its key nor its source event). */
    private static final List<SelectField<?>> COLUMNS = List.of(
            ALERT.ID,
            ALERT.KIND,
            ALERT.CREATED_AT,
            ALERT.CONTRACT_ID,
            ALERT.CONTRACT_NUMBER,
            ALERT.CONTRACT_TITLE,
            ALERT.SUPPLIER_ID,
            ALERT.SUPPLIER_NAME,
            ALERT.CORPORATE_NUMBER,
            ALERT.STATUS,
            ALERT.PREVIOUS_STATUS,
            ALERT.WARNING_DAYS,
            ALERT.REQUIRED_LEVEL,
            ALERT.HELD_LEVEL,
            ALERT.VALID_UNTIL,
            ALERT.REASON_CODE,
            ALERT.IMPORT_RUN_ID,
            ALERT.DETAILS_JSON);

    private AlertRows() {}

    /** The alert's columns, then {@code more} (of the tables joined to it). */
    static List<SelectField<?>> columnsAnd(SelectField<?>... more) {
        List<SelectField<?>> fields = new ArrayList<>(COLUMNS);
        fields.addAll(List.of(more));
        return fields;
    }

    /** The alert of a row selected with {@link #columnsAnd}, without its contracts. */
    static Alert toAlert(Record row) {
        AlertRecord r = row.into(ALERT);
        return new Alert(
                r.getId(),
                r.getKind(),
                r.getCreatedAt(),
                r.getContractId(),
                r.getContractNumber(),
                r.getContractTitle(),
                r.getSupplierId(),
                r.getSupplierName(),
                r.getCorporateNumber(),
                r.getStatus(),
                r.getPreviousStatus(),
                r.getWarningDays(),
                r.getRequiredLevel(),
                r.getHeldLevel(),
                r.getValidUntil(),
                r.getReasonCode(),
                r.getImportRunId(),
                read(r.getDetailsJson()),
                List.of());
    }

    /** The row of a new alert; texts cut to their columns. */
    static AlertRecord toRecord(AlertRepository.NewAlert alert, LocalDateTime now) {
        ComplianceChange c = alert.change();
        AlertRecord r = new AlertRecord();
        r.setDedupKey(alert.dedupKey());
        r.setKind(alert.kind());
        r.setCreatedAt(now);
        r.setSourceEventId(alert.sourceEventId());
        r.setContractId(
                alert.contract() != null ? Long.valueOf(alert.contract().id()) : c == null ? null : c.contractId());
        r.setContractNumber(alert.contract() == null ? null : alert.contract().number());
        r.setContractTitle(
                alert.contract() == null ? null : Columns.fit(alert.contract().title(), 300));
        r.setSupplierId(
                alert.supplier() != null ? Long.valueOf(alert.supplier().id()) : c == null ? null : c.supplierId());
        r.setSupplierName(
                alert.supplier() == null ? null : Columns.fit(alert.supplier().name(), 300));
        r.setCorporateNumber(alert.supplier() == null ? null : alert.supplier().corporateNumber());
        r.setStatus(c == null ? null : c.newStatus());
        r.setPreviousStatus(c == null ? null : c.oldStatus());
        r.setWarningDays(c == null ? null : c.newWarningDays());
        r.setRequiredLevel(c == null ? null : c.requiredLevel());
        r.setHeldLevel(c == null ? null : c.heldLevel());
        r.setValidUntil(c == null ? null : c.validUntil());
        r.setReasonCode(c == null ? null : c.reasonCode());
        r.setImportRunId(alert.importRunId());
        r.setDetailsJson(alert.details() == null || alert.details().isEmpty() ? null : write(alert.details()));
        return r;
    }

    private static String write(Map<String, String> details) {
        try {
            return Columns.fit(JSON.writeValueAsString(details), 2000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return JSON.readValue(value, DETAILS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
