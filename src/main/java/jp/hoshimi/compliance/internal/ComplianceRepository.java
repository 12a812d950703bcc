package jp.hoshimi.compliance.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.REGISTER_CHANGE;
import static jp.hoshimi.db.Tables.REGISTER_ENTRY;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;
import static jp.hoshimi.db.Tables.SUBCONTRACTING_LINK;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.compliance.LegalStanding;
import jp.hoshimi.compliance.RegisterFacts;
import jp.hoshimi.compliance.internal.ChainRows.ContractRow;
import jp.hoshimi.compliance.internal.ChainRows.FindingRow;
import jp.hoshimi.compliance.internal.ChainRows.LinkRow;
import jp.hoshimi.db.tables.records.ComplianceFindingRecord;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.sql.ClusterLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the evaluation reads (contracts, chains, register facts, stored findings) in batches of contract
 * ids, and what it writes: findings row by row where they changed, then the contract and supplier
 * statuses, their events and the daily snapshot as a few set-based statements over scope tables.
 */
@Repository
public class ComplianceRepository {

    private static final int WRITE_BATCH = 2000;
    static final String LOCK_NAME = "compliance-evaluation";

    private final DSLContext dsl;
    private final LegalStandings legalStandings;

    ComplianceRepository(DSLContext dsl, LegalStandings legalStandings) {
        this.dsl = dsl;
        this.legalStandings = legalStandings;
    }

    // --- serialisation ---------------------------------------------------------------------------

    /**
     * Waits up to {@code timeoutSeconds} for the cluster-wide evaluation lock, held until the transaction
     * ends; false when another evaluation held it all that time (docs/decisions/0042).
     */
    public boolean lock(int timeoutSeconds) {
        return ClusterLock.take(dsl, LOCK_NAME, timeoutSeconds);
    }

    public long lastEventId() {
        Long id =
                dsl.select(DSL.max(COMPLIANCE_EVENT.ID)).from(COMPLIANCE_EVENT).fetchOne(0, Long.class);
        return id == null ? 0 : id;
    }

    // --- reading ---------------------------------------------------------------------------------

    /** The next {@code size} contract ids after {@code afterId}, in id order. */
    public List<Long> contractIdsAfter(long afterId, int size) {
        return dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.ID.gt(afterId))
                .orderBy(CONTRACT.ID)
                .limit(size)
                .fetch(CONTRACT.ID);
    }

    /** The contracts whose chains include any of these suppliers (as first tier or below). */
    public List<Long> contractIdsInvolving(Collection<Long> supplierIds) {
        return dsl.select(CONTRACT.ID)
                .from(CONTRACT)
                .where(CONTRACT.SUPPLIER_ID.in(supplierIds))
                .union(DSL.select(SUBCONTRACTING_LINK.CONTRACT_ID)
                        .from(SUBCONTRACTING_LINK)
                        .where(SUBCONTRACTING_LINK.CHILD_SUPPLIER_ID.in(supplierIds)))
                .fetch(0, Long.class);
    }

    /** The suppliers the stored findings of these contracts are about. */
    public List<Long> suppliersInFindings(Collection<Long> contractIds) {
        return dsl.selectDistinct(COMPLIANCE_FINDING.SUPPLIER_ID)
                .from(COMPLIANCE_FINDING)
                .where(COMPLIANCE_FINDING.CONTRACT_ID.in(contractIds))
                .fetch(COMPLIANCE_FINDING.SUPPLIER_ID);
    }

    /**
     * The suppliers whose 法人番号 changed in the register in this sync run: its change rows, and, when the
     * run was its kind's initial load (no change rows), the suppliers of the entries it first saw.
     */
    public List<Long> suppliersChangedInRun(long syncRunId) {
        return dsl.select(SUPPLIER.ID)
                .from(SUPPLIER)
                .join(REGISTER_CHANGE)
                .on(REGISTER_CHANGE.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                .where(REGISTER_CHANGE.SYNC_RUN_ID.eq(syncRunId))
                .union(DSL.select(SUPPLIER.ID)
                        .from(SUPPLIER)
                        .join(REGISTER_ENTRY)
                        .on(REGISTER_ENTRY.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER))
                        .where(REGISTER_ENTRY.FIRST_SEEN_RUN_ID.eq(syncRunId))
                        .andExists(DSL.selectOne()
                                .from(REGISTER_SYNC_RUN)
                                .where(REGISTER_SYNC_RUN.ID.eq(syncRunId))
                                .and(REGISTER_SYNC_RUN.INITIAL_LOAD.isTrue())))
                .fetch(0, Long.class);
    }

    /**
     * A batch of contract ids: when {@code range}, the ids are every contract id from the first to the
     * last (as {@link #contractIdsAfter} returns them), so an index range replaces a long IN list.
     */
    public record Batch(List<Long> ids, boolean range) {

        Condition on(org.jooq.Field<Long> contractId) {
            return range ? contractId.between(ids.get(0), ids.get(ids.size() - 1)) : contractId.in(ids);
        }
    }

    public List<ContractRow> contracts(Batch batch) {
        return dsl.select(CONTRACT.ID, CONTRACT.SUPPLIER_ID, CONTRACT.REQUIRED_LEVEL, CONTRACT.END_DATE)
                .from(CONTRACT)
                .where(batch.on(CONTRACT.ID))
                .orderBy(CONTRACT.ID)
                .fetch(Records.mapping(
                        (id, supplierId, required, endDate) -> new ContractRow(id, supplierId, required, endDate)));
    }

    public List<LinkRow> links(Batch batch) {
        var l = SUBCONTRACTING_LINK;
        return dsl.select(
                        l.CONTRACT_ID,
                        l.PARENT_SUPPLIER_ID,
                        l.CHILD_SUPPLIER_ID,
                        l.CONFIDENTIAL_DATA_FLOWS,
                        l.SYSTEM_ACCESS,
                        l.BUSINESS_CRITICAL,
                        l.REQUIRED_LEVEL_OVERRIDE)
                .from(l)
                .where(batch.on(l.CONTRACT_ID))
                .orderBy(l.CONTRACT_ID, l.ID)
                .fetch(Records.mapping(LinkRow::new));
    }

    /** Each supplier's 法人番号 and its current (not removed) ★ and SECURITY ACTION entries. */
    public Map<Long, RegisterFacts> facts(Collection<Long> supplierIds) {
        return facts(SUPPLIER.ID.in(supplierIds));
    }

    /** The facts of every supplier that has a 法人番号 (a full evaluation reads them once, streamed). */
    public Map<Long, RegisterFacts> allFacts() {
        return facts(SUPPLIER.CORPORATE_NUMBER.isNotNull());
    }

    private Map<Long, RegisterFacts> facts(Condition suppliers) {
        Map<Long, String> numbers = new HashMap<>();
        Map<Long, RegisterFacts.Entry> stars = new HashMap<>();
        Map<Long, RegisterFacts.Entry> declarations = new HashMap<>();
        var e = REGISTER_ENTRY;
        dsl.select(SUPPLIER.ID, SUPPLIER.CORPORATE_NUMBER, e.KIND, e.LEVEL, e.STATUS, e.VALID_UNTIL)
                .from(SUPPLIER)
                .leftJoin(e)
                .on(e.CORPORATE_NUMBER.eq(SUPPLIER.CORPORATE_NUMBER).and(e.REMOVED_AT.isNull()))
                .where(suppliers)
                .fetchSize(10_000)
                .forEach(r -> {
                    long supplierId = r.get(SUPPLIER.ID);
                    numbers.put(supplierId, r.get(SUPPLIER.CORPORATE_NUMBER));
                    String kind = r.get(e.KIND);
                    if (kind != null) {
                        var entry = new RegisterFacts.Entry(r.get(e.LEVEL), r.get(e.STATUS), r.get(e.VALID_UNTIL));
                        ("STAR".equals(kind) ? stars : declarations).put(supplierId, entry);
                    }
                });
        Map<Long, RegisterFacts> facts = new HashMap<>();
        Map<Long, LegalStanding> legal = legalStandings.of(suppliers);
        numbers.forEach((id, number) ->
                facts.put(id, new RegisterFacts(number, stars.get(id), declarations.get(id), legal.get(id))));
        return facts;
    }

    /** The stored findings of these contracts, by contract id. */
    public Map<Long, List<FindingRow>> findings(Batch batch) {
        Map<Long, List<FindingRow>> byContract = new HashMap<>();
        dsl.selectFrom(COMPLIANCE_FINDING)
                .where(batch.on(COMPLIANCE_FINDING.CONTRACT_ID))
                .forEach(r -> byContract
                        .computeIfAbsent(r.getContractId(), id -> new ArrayList<>())
                        .add(toRow(r)));
        return byContract;
    }

    private static FindingRow toRow(ComplianceFindingRecord r) {
        return new FindingRow(
                r.getContractId(),
                r.getSupplierId(),
                r.getTier(),
                r.getRequiredLevel(),
                r.getHeldLevel(),
                r.getRegisterStatus(),
                r.getValidUntil(),
                r.getStatus(),
                r.getReasonCode(),
                r.getWarningDays(),
                r.getStatusSince(),
                r.getPreviousStatus(),
                r.getExceptionId(),
                r.getAcceptedUntil());
    }

    // --- writing findings ------------------------------------------------------------------------

    public void insertFindings(List<FindingRow> rows, LocalDate today, LocalDateTime now) {
        var f = COMPLIANCE_FINDING;
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            var insert = dsl.insertInto(
                    f,
                    f.CONTRACT_ID,
                    f.SUPPLIER_ID,
                    f.TIER,
                    f.REQUIRED_LEVEL,
                    f.HELD_LEVEL,
                    f.REGISTER_STATUS,
                    f.VALID_UNTIL,
                    f.STATUS,
                    f.SEVERITY,
                    f.REASON_CODE,
                    f.WARNING_DAYS,
                    f.STATUS_SINCE,
                    f.PREVIOUS_STATUS,
                    f.EVALUATED_ON,
                    f.UPDATED_AT,
                    f.EXCEPTION_ID,
                    f.ACCEPTED_UNTIL);
            for (FindingRow row : rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH))) {
                insert = insert.values(
                        row.contractId(),
                        row.supplierId(),
                        row.tier(),
                        row.required(),
                        row.held(),
                        row.registerStatus(),
                        row.validUntil(),
                        row.status(),
                        severityOf(row.status()),
                        row.reason(),
                        row.warningDays(),
                        row.statusSince(),
                        row.previousStatus(),
                        today,
                        now,
                        row.exceptionId(),
                        row.acceptedUntil());
            }
            insert.execute();
        }
    }

    public void updateFindings(List<FindingRow> rows, LocalDate today, LocalDateTime now) {
        var f = COMPLIANCE_FINDING;
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            List<Query> updates = new ArrayList<>();
            for (FindingRow row : rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH))) {
                updates.add(dsl.update(f)
                        .set(f.TIER, row.tier())
                        .set(f.REQUIRED_LEVEL, row.required())
                        .set(f.HELD_LEVEL, row.held())
                        .set(f.REGISTER_STATUS, row.registerStatus())
                        .set(f.VALID_UNTIL, row.validUntil())
                        .set(f.STATUS, row.status())
                        .set(f.SEVERITY, severityOf(row.status()))
                        .set(f.REASON_CODE, row.reason())
                        .set(f.WARNING_DAYS, row.warningDays())
                        .set(f.STATUS_SINCE, row.statusSince())
                        .set(f.PREVIOUS_STATUS, row.previousStatus())
                        .set(f.EVALUATED_ON, today)
                        .set(f.UPDATED_AT, now)
                        .set(f.EXCEPTION_ID, row.exceptionId())
                        .set(f.ACCEPTED_UNTIL, row.acceptedUntil())
                        .where(f.CONTRACT_ID.eq(row.contractId()).and(f.SUPPLIER_ID.eq(row.supplierId()))));
            }
            dsl.batch(updates).execute();
        }
    }

    public void deleteFindings(List<FindingRow> rows) {
        var f = COMPLIANCE_FINDING;
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            List<Query> deletes = new ArrayList<>();
            for (FindingRow row : rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH))) {
                deletes.add(dsl.deleteFrom(f)
                        .where(f.CONTRACT_ID.eq(row.contractId()).and(f.SUPPLIER_ID.eq(row.supplierId()))));
            }
            dsl.batch(deletes).execute();
        }
    }

    /** Ended contracts have no status: not flagged, not counted (docs/decisions/0016). */
    public void deleteContractStatuses(Collection<Long> contractIds) {
        List<Long> ids = new ArrayList<>(contractIds);
        for (int from = 0; from < ids.size(); from += WRITE_BATCH) {
            dsl.deleteFrom(CONTRACT_COMPLIANCE)
                    .where(CONTRACT_COMPLIANCE.CONTRACT_ID.in(
                            ids.subList(from, Math.min(ids.size(), from + WRITE_BATCH))))
                    .execute();
        }
    }

    /** One LINK event per finding whose status or crossed lead time changed (multi-row inserts). */
    public void insertLinkEvents(List<FindingRow[]> changes, LocalDate today, LocalDateTime now) {
        var e = COMPLIANCE_EVENT;
        for (int from = 0; from < changes.size(); from += WRITE_BATCH) {
            var insert = dsl.insertInto(
                    e,
                    e.OCCURRED_AT,
                    e.EVALUATED_ON,
                    e.SUBJECT,
                    e.CONTRACT_ID,
                    e.SUPPLIER_ID,
                    e.OLD_STATUS,
                    e.NEW_STATUS,
                    e.OLD_WARNING_DAYS,
                    e.NEW_WARNING_DAYS,
                    e.REQUIRED_LEVEL,
                    e.HELD_LEVEL,
                    e.VALID_UNTIL,
                    e.REASON_CODE);
            for (FindingRow[] change : changes.subList(from, Math.min(changes.size(), from + WRITE_BATCH))) {
                FindingRow before = change[0];
                FindingRow after = change[1];
                insert = insert.values(
                        now,
                        today,
                        "LINK",
                        after.contractId(),
                        after.supplierId(),
                        before == null ? null : before.status(),
                        after.status(),
                        before == null ? null : before.warningDays(),
                        after.warningDays(),
                        after.required(),
                        after.held(),
                        after.validUntil(),
                        after.reason());
            }
            insert.execute();
        }
    }

    // --- aggregates ------------------------------------------------------------------------------

    /** Fills the scope tables: the contracts evaluated (their suppliers follow in the contract refresh). */
    public void prepareScope(Collection<Long> contractIds) {
        // new tables each time (dropping a temporary table commits nothing): emptied with DELETE, a table
        // that once held 200,000 ids keeps its pages and its statistics, and every later scope of ten
        // pays for them
        dsl.execute("DROP TEMPORARY TABLE IF EXISTS tmp_scope_contract, tmp_scope_supplier");
        dsl.execute("CREATE TEMPORARY TABLE tmp_scope_contract (id BIGINT PRIMARY KEY)");
        dsl.execute("CREATE TEMPORARY TABLE tmp_scope_supplier (id BIGINT PRIMARY KEY)");
        List<Long> ids = new ArrayList<>(contractIds);
        for (int from = 0; from < ids.size(); from += WRITE_BATCH) {
            var insert = dsl.insertInto(DSL.table("tmp_scope_contract"), DSL.field("id", Long.class));
            for (Long id : ids.subList(from, Math.min(ids.size(), from + WRITE_BATCH))) {
                insert = insert.values(id);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /** Adds suppliers (e.g. ones that just left every chain) to the supplier scope. */
    public void addSuppliersToScope(Collection<Long> supplierIds) {
        List<Long> ids = new ArrayList<>(supplierIds);
        for (int from = 0; from < ids.size(); from += WRITE_BATCH) {
            var insert = dsl.insertInto(DSL.table("tmp_scope_supplier"), DSL.field("id", Long.class));
            for (Long id : ids.subList(from, Math.min(ids.size(), from + WRITE_BATCH))) {
                insert = insert.values(id);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /**
     * Adds the contracts whose status row is missing, or whose copy of the unit or level differs from the
     * contract, to the contract scope: a full evaluation refreshes them even when none of their findings
     * changed. One pass over the contracts' level index (which holds id and unit) with a primary-key
     * look-up each.
     */
    public void addContractsWithoutCurrentStatusToScope() {
        dsl.execute("""
                INSERT IGNORE INTO tmp_scope_contract (id)
                SELECT c.id FROM contract c LEFT JOIN contract_compliance cc ON cc.contract_id = c.id
                WHERE cc.contract_id IS NULL OR cc.org_unit_id <> c.org_unit_id
                   OR cc.required_level <> c.required_level
                """);
    }

    /** Suppliers with a status but in no chain any more (their status goes in the supplier refresh). */
    public void addSuppliersOutsideEveryChainToScope() {
        dsl.execute("""
                INSERT IGNORE INTO tmp_scope_supplier (id)
                SELECT sc.supplier_id FROM supplier_compliance sc
                WHERE NOT EXISTS (SELECT 1 FROM compliance_finding f WHERE f.supplier_id = sc.supplier_id)
                """);
    }

    /**
     * Adds the suppliers whose stored status is missing or is not the worst of the findings about them
     * (e.g. written by an older rule, see docs/decisions/0013-supplier-own-status-and-one-business-date.md): one pass over the
     * findings' supplier index.
     */
    public void addSuppliersWithoutCurrentStatusToScope() {
        dsl.execute("""
                INSERT IGNORE INTO tmp_scope_supplier (id)
                SELECT a.supplier_id
                FROM (SELECT f.supplier_id, MIN(f.severity) severity FROM compliance_finding f GROUP BY f.supplier_id) a
                LEFT JOIN supplier_compliance sc ON sc.supplier_id = a.supplier_id
                WHERE sc.supplier_id IS NULL OR sc.severity <> a.severity
                """);
    }

    /**
     * Recomputes the status of the contracts in {@code tmp_scope_contract}: the worst of their findings.
     * Writes a CONTRACT event and the new status only where it changed, and adds their suppliers and the
     * suppliers of their chains to the supplier scope.
     *
     * <p>The scope tables go first (STRAIGHT_JOIN) here and in the supplier refresh: MariaDB knows
     * nothing of a temporary table's size and would otherwise read all 300,000 findings to join a scope
     * of ten contracts, or an empty one.
     */
    public void refreshContractStatuses(LocalDate today, LocalDateTime now) {
        int expiring = ComplianceStatus.EXPIRING.severity();
        dsl.execute("""
                INSERT IGNORE INTO tmp_scope_supplier (id)
                SELECT c.supplier_id FROM tmp_scope_contract s STRAIGHT_JOIN contract c ON c.id = s.id
                UNION SELECT f.supplier_id FROM tmp_scope_contract s STRAIGHT_JOIN compliance_finding f ON f.contract_id = s.id
                """);
        dsl.execute("DROP TEMPORARY TABLE IF EXISTS tmp_contract_status");
        dsl.execute("CREATE TEMPORARY TABLE tmp_contract_status (contract_id BIGINT PRIMARY KEY,"
                + " org_unit_id BIGINT NOT NULL, required_level VARCHAR(10) NOT NULL,"
                + " severity TINYINT NOT NULL, links INT NOT NULL, failing INT NOT NULL, earliest DATE NULL)");
        // only the contracts whose status, counts or earliest date differ from what is stored, or whose
        // unit or required level (copied for the dashboard, V12) has changed since
        dsl.execute("""
                INSERT INTO tmp_contract_status (contract_id, org_unit_id, required_level, severity, links, failing,
                    earliest)
                SELECT a.contract_id, c.org_unit_id, c.required_level, a.severity, a.links, a.failing, a.earliest
                FROM (
                    SELECT f.contract_id, MIN(f.severity) severity, COUNT(*) links,
                           SUM(CASE WHEN f.severity < {0} THEN 1 ELSE 0 END) failing, MIN(f.valid_until) earliest
                    FROM tmp_scope_contract s STRAIGHT_JOIN compliance_finding f ON f.contract_id = s.id
                    GROUP BY f.contract_id
                ) a JOIN contract c ON c.id = a.contract_id
                LEFT JOIN contract_compliance cc ON cc.contract_id = a.contract_id
                WHERE cc.contract_id IS NULL OR cc.severity <> a.severity OR cc.links <> a.links
                   OR cc.failing_links <> a.failing OR NOT (cc.earliest_valid_until <=> a.earliest)
                   OR cc.org_unit_id <> c.org_unit_id OR cc.required_level <> c.required_level
                """, DSL.inline(expiring));
        dsl.execute(
                """
                INSERT INTO compliance_event (occurred_at, evaluated_on, subject, contract_id, old_status, new_status)
                SELECT {0}, {1}, 'CONTRACT', t.contract_id, cc.status, {2}
                FROM tmp_contract_status t LEFT JOIN contract_compliance cc ON cc.contract_id = t.contract_id
                WHERE (cc.contract_id IS NULL AND t.severity <> {3}) OR cc.severity <> t.severity
                ORDER BY t.contract_id
                """,
                DSL.val(now),
                DSL.val(today),
                statusOfSeverity("t.severity"),
                DSL.inline(ComplianceStatus.OK.severity()));
        dsl.execute("""
                INSERT INTO contract_compliance (contract_id, org_unit_id, required_level, status, severity, links,
                    failing_links, earliest_valid_until, status_since, previous_status, updated_at)
                SELECT t.contract_id, t.org_unit_id, t.required_level, {1}, t.severity, t.links, t.failing, t.earliest,
                    {0}, NULL, {0}
                FROM tmp_contract_status t
                ON DUPLICATE KEY UPDATE
                    org_unit_id = VALUES(org_unit_id),
                    required_level = VALUES(required_level),
                    previous_status = IF(contract_compliance.severity <> VALUES(severity), contract_compliance.status,
                                         contract_compliance.previous_status),
                    status_since = IF(contract_compliance.severity <> VALUES(severity), VALUES(status_since),
                                      contract_compliance.status_since),
                    updated_at = VALUES(updated_at),
                    status = VALUES(status),
                    severity = VALUES(severity),
                    links = VALUES(links),
                    failing_links = VALUES(failing_links),
                    earliest_valid_until = VALUES(earliest_valid_until)
                """, DSL.val(now), statusOfSeverity("t.severity"));
    }

    /**
     * Recomputes the status of the suppliers in {@code tmp_scope_supplier}: their own standing, the worst
     * of the findings about them (their registration against what each link requires of them), never a
     * failure of someone else in a chain they are part of. A SUPPLIER event and a write only where it
     * changed; suppliers no longer in any chain lose their status.
     */
    public void refreshSupplierStatuses(LocalDate today, LocalDateTime now) {
        dsl.execute("DROP TEMPORARY TABLE IF EXISTS tmp_supplier_status");
        dsl.execute("CREATE TEMPORARY TABLE tmp_supplier_status (supplier_id BIGINT PRIMARY KEY,"
                + " severity TINYINT NOT NULL)");
        dsl.execute("""
                INSERT INTO tmp_supplier_status (supplier_id, severity)
                SELECT f.supplier_id, MIN(f.severity)
                FROM tmp_scope_supplier s STRAIGHT_JOIN compliance_finding f ON f.supplier_id = s.id
                GROUP BY f.supplier_id
                """);
        dsl.execute(
                """
                INSERT INTO compliance_event (occurred_at, evaluated_on, subject, supplier_id, old_status, new_status)
                SELECT {0}, {1}, 'SUPPLIER', t.supplier_id, sc.status, {2}
                FROM tmp_supplier_status t LEFT JOIN supplier_compliance sc ON sc.supplier_id = t.supplier_id
                WHERE (sc.supplier_id IS NULL AND t.severity <> {3}) OR sc.severity <> t.severity
                ORDER BY t.supplier_id
                """,
                DSL.val(now),
                DSL.val(today),
                statusOfSeverity("t.severity"),
                DSL.inline(ComplianceStatus.OK.severity()));
        dsl.execute("""
                INSERT INTO supplier_compliance (supplier_id, status, severity, status_since, previous_status, updated_at)
                SELECT t.supplier_id, {1}, t.severity, {0}, NULL, {0}
                FROM tmp_supplier_status t LEFT JOIN supplier_compliance sc ON sc.supplier_id = t.supplier_id
                WHERE sc.supplier_id IS NULL OR sc.severity <> t.severity
                ON DUPLICATE KEY UPDATE
                    previous_status = supplier_compliance.status,
                    status_since = VALUES(status_since),
                    updated_at = VALUES(updated_at),
                    status = VALUES(status),
                    severity = VALUES(severity)
                """, DSL.val(now), statusOfSeverity("t.severity"));
        dsl.execute("""
                DELETE sc FROM tmp_scope_supplier s
                STRAIGHT_JOIN supplier_compliance sc ON sc.supplier_id = s.id
                LEFT JOIN tmp_supplier_status t ON t.supplier_id = sc.supplier_id
                WHERE t.supplier_id IS NULL
                """);
    }

    /** Today's count of contracts per unit, required level and status (replaces today's if any). */
    public void writeSnapshot(LocalDate today) {
        dsl.execute("DELETE FROM compliance_snapshot WHERE snapshot_date = {0}", DSL.val(today));
        dsl.execute("""
                INSERT INTO compliance_snapshot (snapshot_date, org_unit_id, required_level, status, contracts)
                SELECT {0}, org_unit_id, required_level, status, COUNT(*)
                FROM contract_compliance
                GROUP BY org_unit_id, required_level, status
                """, DSL.val(today));
    }

    public boolean hasAnyEvaluation() {
        return dsl.fetchExists(DSL.selectOne().from(DSL.table("contract_compliance")))
                || !dsl.fetchExists(DSL.selectOne().from(CONTRACT));
    }

    /** The status name for a severity column, from the one order in {@link ComplianceStatus}. */
    private static org.jooq.Field<String> statusOfSeverity(String column) {
        StringBuilder sql = new StringBuilder("CASE ").append(column);
        for (ComplianceStatus status : ComplianceStatus.values()) {
            sql.append(" WHEN ")
                    .append(status.severity())
                    .append(" THEN '")
                    .append(status.name())
                    .append('\'');
        }
        return DSL.field(sql.append(" END").toString(), String.class);
    }

    static byte severityOf(ComplianceStatus status) {
        return (byte) status.severity();
    }
}
