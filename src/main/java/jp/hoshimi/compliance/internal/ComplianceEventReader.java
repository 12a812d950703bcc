package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.compliance.ComplianceEvents;
import jp.hoshimi.db.tables.ComplianceEvent;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.Row4;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** {@link ComplianceEvents} on the compliance_event table (written by {@link ComplianceRepository}). */
@Repository
class ComplianceEventReader implements ComplianceEvents {

    private static final ComplianceEvent E = COMPLIANCE_EVENT;

    /** One event as a record: the columns listed once. */
    private static final SelectField<ComplianceChange> CHANGE = DSL.row(
                    E.ID,
                    E.SUBJECT,
                    E.CONTRACT_ID,
                    E.SUPPLIER_ID,
                    E.OLD_STATUS,
                    E.NEW_STATUS,
                    E.OLD_WARNING_DAYS,
                    E.NEW_WARNING_DAYS,
                    E.REQUIRED_LEVEL,
                    E.HELD_LEVEL,
                    E.VALID_UNTIL,
                    E.REASON_CODE,
                    E.OCCURRED_AT)
            .mapping(ComplianceChange::new);

    private final DSLContext dsl;

    ComplianceEventReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public List<ComplianceChange> after(long afterId, int limit) {
        return dsl.select(CHANGE)
                .from(E)
                .where(E.ID.gt(afterId))
                .orderBy(E.ID)
                .limit(limit)
                .collect(Records.intoList());
    }

    @Override
    public List<ComplianceChange> episodeStarts(Collection<Long> supplierIds, long upToId) {
        List<ComplianceChange> result = new ArrayList<>();
        for (List<Long> ids : InBatches.of(supplierIds)) {
            result.addAll(dsl.select(CHANGE)
                    .from(E)
                    .where(E.SUPPLIER_ID.in(ids))
                    .and(E.SUBJECT.eq("LINK"))
                    .and(E.NEW_STATUS
                            .eq(ComplianceStatus.OK)
                            .or(E.NEW_STATUS
                                    .eq(ComplianceStatus.ACCEPTED)
                                    .and(E.OLD_STATUS.isDistinctFrom(ComplianceStatus.ACCEPTED))))
                    .and(E.ID.le(upToId))
                    .collect(Records.intoList()));
        }
        return result;
    }

    @Override
    public long lastIdBefore(LocalDateTime time) {
        Long id =
                dsl.select(DSL.max(E.ID)).from(E).where(E.OCCURRED_AT.lt(time)).fetchOne(0, Long.class);
        return id == null ? 0L : id;
    }

    /**
     * One statement per status and batch: the arrivals as a numeric derived table (the status is a bind
     * value, so no collation of a derived text column meets the table's), each looked up by the
     * (contract_id, id) index.
     */
    @Override
    public Map<Arrival, ComplianceStatus> statusesBefore(Collection<Arrival> arrivals) {
        Map<Arrival, ComplianceStatus> result = new HashMap<>();
        Map<ComplianceStatus, List<Arrival>> byStatus =
                arrivals.stream().distinct().collect(Collectors.groupingBy(Arrival::status));
        byStatus.forEach((status, ofStatus) -> {
            for (List<Arrival> chunk : InBatches.of(ofStatus)) {
                result.putAll(statusesBefore(status, chunk));
            }
        });
        return result;
    }

    private Map<Arrival, ComplianceStatus> statusesBefore(ComplianceStatus status, List<Arrival> arrivals) {
        @SuppressWarnings("unchecked")
        Row4<Integer, Long, Long, Long>[] rows = new Row4[arrivals.size()];
        for (int i = 0; i < rows.length; i++) {
            Arrival a = arrivals.get(i);
            rows[i] = DSL.row(i, a.contractId(), a.supplierId(), a.fromEventId());
        }
        var v = DSL.values(rows).as("v", "k", "contract_id", "supplier_id", "from_id");
        Field<Integer> k = v.field("k", Integer.class);
        var before = DSL.field(DSL.select(E.OLD_STATUS)
                .from(E)
                .where(E.SUBJECT.eq("LINK"))
                .and(E.CONTRACT_ID.eq(v.field("contract_id", Long.class)))
                .and(E.SUPPLIER_ID.eq(v.field("supplier_id", Long.class)))
                .and(E.NEW_STATUS.eq(status))
                .and(E.ID.ge(v.field("from_id", Long.class)))
                .orderBy(E.ID)
                .limit(1));
        Map<Arrival, ComplianceStatus> result = new HashMap<>();
        dsl.select(k, before).from(v).collect(Records.intoMap()).forEach((key, statusBefore) -> {
            if (statusBefore != null) {
                result.put(arrivals.get(key), statusBefore);
            }
        });
        return result;
    }
}
