package jp.hoshimi.outreach.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static jp.hoshimi.db.Tables.SUPPLIER_CONTACT;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.outreach.WorklistFilter;
import jp.hoshimi.outreach.WorklistRow;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.sql.ClusterLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The findings list with the requests that cover each finding, and the findings a bulk request asks about
 * (issue 19). A request covers a finding when it is open (sent or answered), is to the finding's supplier and
 * asks for at least the level the finding needs; level names sort as the levels do (SA1 &lt; SA2 &lt; STAR3
 * &lt; STAR4 &lt; STAR5), so the comparison is on the stored names.
 */
@Repository
public class WorklistQueries {

    private static final jp.hoshimi.db.tables.ComplianceFinding F = COMPLIANCE_FINDING;
    private static final jp.hoshimi.db.tables.Contract C = CONTRACT;
    private static final jp.hoshimi.db.tables.SupplierRequest R = SUPPLIER_REQUEST;
    private static final List<RequestState> OPEN = List.of(RequestState.SENT, RequestState.ANSWERED);
    /** The {@code app_lease} row that bulk requests take in turn. */
    static final String BULK_REQUEST_LOCK = "supplier-requests";

    /** A finding a bulk request asks about, with the supplier's primary contact. */
    public record BulkFinding(
            long supplierId,
            String supplierName,
            String corporateNumber,
            String contactName,
            String contactEmail,
            RequestRepository.Gap gap) {}

    /** A request that is not closed yet (draft, sent or answered) and the level it asks for. */
    public record OpenRequest(long supplierId, StarLevel level) {}

    private record Due(LocalDate due, boolean overdue) {}

    private final DSLContext dsl;

    WorklistQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Condition covering(Condition more) {
        return R.SUPPLIER_ID
                .eq(F.SUPPLIER_ID)
                .and(R.STATE.in(OPEN))
                .and(R.REQUESTED_LEVEL.coerce(String.class).ge(F.REQUIRED_LEVEL.coerce(String.class)))
                .and(more);
    }

    private static Condition where(DataScope scope, WorklistFilter filter, LocalDate today) {
        Condition where = scope.groupWide() ? DSL.noCondition() : C.ORG_UNIT_ID.in(scope.unitIds());
        if (!filter.statuses().isEmpty()) {
            where = where.and(F.STATUS.in(filter.statuses()));
        }
        if (filter.requiredLevel() != null) {
            where = where.and(F.REQUIRED_LEVEL.eq(RequiredLevel.of(filter.requiredLevel())));
        }
        return switch (filter.requests()) {
            case ANY -> where;
            case NONE -> where.andNotExists(DSL.selectOne().from(R).where(covering(DSL.noCondition())));
            case OPEN -> where.andExists(DSL.selectOne().from(R).where(covering(DSL.noCondition())));
            case OVERDUE -> where.andExists(DSL.selectOne().from(R).where(covering(RequestRepository.overdue(today))));
        };
    }

    /** One page, worst first; the covering requests' due dates come in one more query. */
    public List<WorklistRow> list(DataScope scope, WorklistFilter filter, LocalDate today, int offset, int limit) {
        // the covering request shown: an overdue one first, then the earliest due date
        Field<Long> requestId = DSL.field(DSL.select(R.ID)
                        .from(R)
                        .where(covering(DSL.noCondition()))
                        .orderBy(DSL.when(RequestRepository.overdue(today), 0).otherwise(1), R.DUE_DATE, R.ID)
                        .limit(1))
                .as("request_id");
        var rows = dsl.select(
                        C.ID,
                        C.CONTRACT_NUMBER,
                        C.TITLE,
                        F.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        F.TIER,
                        F.STATUS,
                        F.REQUIRED_LEVEL,
                        F.HELD_LEVEL,
                        F.VALID_UNTIL,
                        requestId)
                .from(F)
                .join(C)
                .on(C.ID.eq(F.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(F.SUPPLIER_ID))
                .where(where(scope, filter, today))
                .orderBy(F.SEVERITY, SUPPLIER.NAME_SORT, C.CONTRACT_NUMBER, F.SUPPLIER_ID)
                .offset(offset)
                .limit(limit)
                .fetch();
        List<Long> ids = rows.stream()
                .map(r -> r.get(requestId))
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<Long, Due> requests = ids.isEmpty()
                ? Map.of()
                : dsl.select(R.ID, R.DUE_DATE, DSL.field(RequestRepository.overdue(today)))
                        .from(R)
                        .where(R.ID.in(ids))
                        .fetchMap(
                                R.ID,
                                Records.mapping((id, due, overdue) -> new Due(due, Boolean.TRUE.equals(overdue))));
        return rows.stream()
                .map(r -> {
                    Long id = r.get(requestId);
                    var request = id == null ? null : requests.get(id);
                    return new WorklistRow(
                            r.get(C.ID),
                            r.get(C.CONTRACT_NUMBER),
                            r.get(C.TITLE),
                            r.get(F.SUPPLIER_ID),
                            r.get(SUPPLIER.NAME),
                            r.get(F.TIER),
                            r.get(F.STATUS),
                            r.get(F.REQUIRED_LEVEL).starLevel().orElseThrow(),
                            r.get(F.HELD_LEVEL),
                            r.get(F.VALID_UNTIL),
                            request == null ? null : id,
                            request == null ? null : request.due(),
                            request != null && request.overdue());
                })
                .toList();
    }

    public int count(DataScope scope, WorklistFilter filter, LocalDate today) {
        return dsl.fetchCount(
                DSL.selectOne().from(F).join(C).on(C.ID.eq(F.CONTRACT_ID)).where(where(scope, filter, today)));
    }

    /**
     * The findings of the filter a bulk request can ask about (not OK, not accepted), with each supplier's
     * primary contact, by supplier and worst first.
     */
    public List<BulkFinding> bulkFindings(DataScope scope, WorklistFilter filter, LocalDate today) {
        var k = SUPPLIER_CONTACT;
        return dsl.select(
                        F.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        SUPPLIER.CORPORATE_NUMBER,
                        k.NAME,
                        k.EMAIL,
                        DSL.row(
                                        C.ID,
                                        C.CONTRACT_NUMBER,
                                        C.TITLE,
                                        F.REQUIRED_LEVEL,
                                        F.STATUS,
                                        F.HELD_LEVEL,
                                        F.VALID_UNTIL,
                                        C.START_DATE)
                                .mapping(RequestRepository.Gap::new))
                .from(F)
                .join(C)
                .on(C.ID.eq(F.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(F.SUPPLIER_ID))
                .leftJoin(k)
                .on(k.SUPPLIER_ID.eq(F.SUPPLIER_ID).and(k.IS_PRIMARY.isTrue()))
                .where(where(scope, filter, today))
                .and(F.STATUS.notIn(ComplianceStatus.OK, ComplianceStatus.ACCEPTED))
                .orderBy(SUPPLIER.NAME_SORT, F.SUPPLIER_ID, F.SEVERITY, C.CONTRACT_NUMBER)
                .fetch(Records.mapping(BulkFinding::new));
    }

    /**
     * The requests not closed yet (draft, sent, answered) of these suppliers. {@code lock}: first the bulk
     * requests' cluster lock (a written row, held to the commit, docs/decisions/0042), then a locking read, so
     * that two bulk requests at once, on any app or database nodes, cannot both see "none open" and both ask
     * (the second waits, then sees the first one's requests; across Galera nodes it is rolled back at commit
     * and tried again).
     */
    public List<OpenRequest> notClosed(Collection<Long> supplierIds, boolean lock) {
        if (supplierIds.isEmpty()) {
            return List.of();
        }
        if (lock) {
            ClusterLock.take(dsl, BULK_REQUEST_LOCK);
        }
        var query = dsl.select(R.SUPPLIER_ID, R.REQUESTED_LEVEL)
                .from(R)
                .where(R.SUPPLIER_ID.in(supplierIds))
                .and(R.STATE.in(RequestState.DRAFT, RequestState.SENT, RequestState.ANSWERED));
        return (lock ? query.forUpdate() : query)
                .fetch(Records.mapping(OpenRequest::new)).stream().collect(Collectors.toList());
    }
}
