package jp.hoshimi.dashboard.internal;

import static jp.hoshimi.db.Tables.COMPLIANCE_SNAPSHOT;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.CONTRACT_COMPLIANCE;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.SUPPLIER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.hoshimi.dashboard.RiskyContract;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The dashboard's aggregate queries over the evaluation tables (V9). Each is one SQL aggregate over the
 * user's units ({@code units} null: the whole group), built to stay within a few hundred milliseconds at
 * 200,000 contracts (docs/benchmarks.md, "Dashboard queries").
 */
@Repository
public class DashboardRepository {

    /** Contracts of one unit and level with one status (null: not evaluated), and how many expire soon. */
    public record Breakdown(
            long orgUnitId,
            RequiredLevel requiredLevel,
            ComplianceStatus status,
            long contracts,
            long expiringSoon,
            long expiringLater) {}

    /** Contracts whose earliest registration ends in a month, by level. */
    public record ExpiryCount(int year, int month, RequiredLevel requiredLevel, long contracts) {}

    /** One day's snapshot count of one status, summed over the units in scope. */
    public record SnapshotCount(LocalDate date, ComplianceStatus status, long contracts) {}

    /** Required ★4/★5, or any decision-chart answer yes: the contracts whose failure hurts most. */
    private static final Condition CRITICAL = CONTRACT.REQUIRED_LEVEL
            .in(RequiredLevel.STAR4, RequiredLevel.STAR5)
            .or(CONTRACT.HANDLES_CONFIDENTIAL.isTrue())
            .or(CONTRACT.BUSINESS_CRITICAL.isTrue())
            .or(CONTRACT.NETWORK_ACCESS.isTrue());

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The group's supplier master (shared by every unit, as the supplier list shows it). */
    public long countSuppliers() {
        return dsl.fetchCount(SUPPLIER);
    }

    /**
     * Contracts by unit, required level and status: the key figures and the heat map both come from it.
     * The evaluated ones from one pass over ix_contract_compliance_unit_level (unit, level, status,
     * valid-until; index only, in GROUP BY order: V12 copies the unit and level there); contracts without
     * an evaluation (status null) only when the scope holds more contracts than evaluations, which is
     * rare (a contract saved a moment ago, before its evaluation commits).
     */
    public List<Breakdown> breakdown(Set<Long> units, LocalDate today, int soonDays, int laterDays) {
        Field<LocalDate> until = CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL;
        Field<BigDecimal> soon = DSL.sum(DSL.when(until.between(today, today.plusDays(soonDays)), DSL.inline(1))
                .otherwise(DSL.inline(0)));
        Field<BigDecimal> later = DSL.sum(DSL.when(until.between(today, today.plusDays(laterDays)), DSL.inline(1))
                .otherwise(DSL.inline(0)));
        List<Breakdown> rows = new ArrayList<>(dsl.select(
                        CONTRACT_COMPLIANCE.ORG_UNIT_ID,
                        CONTRACT_COMPLIANCE.REQUIRED_LEVEL,
                        CONTRACT_COMPLIANCE.STATUS,
                        DSL.count(),
                        soon,
                        later)
                .from(CONTRACT_COMPLIANCE)
                .where(inUnits(CONTRACT_COMPLIANCE.ORG_UNIT_ID, units))
                .groupBy(
                        CONTRACT_COMPLIANCE.ORG_UNIT_ID, CONTRACT_COMPLIANCE.REQUIRED_LEVEL, CONTRACT_COMPLIANCE.STATUS)
                .fetch(Records.mapping((unit, level, status, contracts, expiringSoon, expiringLater) -> new Breakdown(
                        unit,
                        level,
                        status,
                        contracts,
                        expiringSoon == null ? 0 : expiringSoon.longValue(),
                        expiringLater == null ? 0 : expiringLater.longValue()))));
        long evaluated = rows.stream().mapToLong(Breakdown::contracts).sum();
        // ended contracts have no status and are not counted at all (decision 0016)
        if (dsl.fetchCount(CONTRACT, inUnits(CONTRACT.ORG_UNIT_ID, units).and(notEnded(today))) != evaluated) {
            rows.addAll(notEvaluated(units, today));
        }
        return rows;
    }

    private static Condition notEnded(LocalDate today) {
        return CONTRACT.END_DATE.isNull().or(CONTRACT.END_DATE.ge(today));
    }

    /** Contracts in scope without an evaluation (and not ended), by unit and level (status null). */
    private List<Breakdown> notEvaluated(Set<Long> units, LocalDate today) {
        return dsl.select(CONTRACT.ORG_UNIT_ID, CONTRACT.REQUIRED_LEVEL, DSL.count())
                .from(CONTRACT)
                .where(inUnits(CONTRACT.ORG_UNIT_ID, units))
                .and(notEnded(today))
                .andNotExists(DSL.selectOne()
                        .from(CONTRACT_COMPLIANCE)
                        .where(CONTRACT_COMPLIANCE.CONTRACT_ID.eq(CONTRACT.ID)))
                .groupBy(CONTRACT.ORG_UNIT_ID, CONTRACT.REQUIRED_LEVEL)
                .fetch(Records.mapping((unit, level, contracts) -> new Breakdown(unit, level, null, contracts, 0, 0)));
    }

    /**
     * Contracts whose earliest chain registration ends between {@code from} and {@code to}, by month and
     * level: one range of ix_contract_compliance_until (valid-until, unit, level), index only.
     */
    public List<ExpiryCount> expiries(Set<Long> units, LocalDate from, LocalDate to) {
        Field<Integer> year = DSL.year(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL);
        Field<Integer> month = DSL.month(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL);
        return dsl.select(year, month, CONTRACT_COMPLIANCE.REQUIRED_LEVEL, DSL.count())
                .from(CONTRACT_COMPLIANCE)
                .where(CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL.between(from, to))
                .and(inUnits(CONTRACT_COMPLIANCE.ORG_UNIT_ID, units))
                .groupBy(year, month, CONTRACT_COMPLIANCE.REQUIRED_LEVEL)
                .fetch(Records.mapping(
                        (inYear, inMonth, level, contracts) -> new ExpiryCount(inYear, inMonth, level, contracts)));
    }

    /** The daily snapshot between two dates, summed over the units in scope (its primary key leads with the date). */
    public List<SnapshotCount> snapshots(Set<Long> units, LocalDate from, LocalDate to) {
        return dsl.select(
                        COMPLIANCE_SNAPSHOT.SNAPSHOT_DATE,
                        COMPLIANCE_SNAPSHOT.STATUS,
                        DSL.sum(COMPLIANCE_SNAPSHOT.CONTRACTS))
                .from(COMPLIANCE_SNAPSHOT)
                .where(COMPLIANCE_SNAPSHOT.SNAPSHOT_DATE.between(from, to))
                .and(inUnits(COMPLIANCE_SNAPSHOT.ORG_UNIT_ID, units))
                .groupBy(COMPLIANCE_SNAPSHOT.SNAPSHOT_DATE, COMPLIANCE_SNAPSHOT.STATUS)
                .orderBy(COMPLIANCE_SNAPSHOT.SNAPSHOT_DATE)
                .fetch(Records.mapping(
                        (date, status, contracts) -> new SnapshotCount(date, status, contracts.longValue())));
    }

    /**
     * The worst contracts that are not OK, critical ones or the others ({@code critical}), worst status
     * first. Walks ix_contract_compliance_severity (severity, contract_id) in order and stops at
     * {@code limit} matches, so the cost follows how far down the matches lie, not how many contracts
     * there are.
     */
    public List<RiskyContract> riskiest(Set<Long> units, boolean critical, int limit) {
        return dsl.select(
                        CONTRACT.ID,
                        CONTRACT.CONTRACT_NUMBER,
                        CONTRACT.TITLE,
                        CONTRACT.SUPPLIER_ID,
                        SUPPLIER.NAME,
                        ORG_UNIT.NAME,
                        CONTRACT.REQUIRED_LEVEL,
                        CONTRACT_COMPLIANCE.STATUS,
                        CONTRACT_COMPLIANCE.FAILING_LINKS,
                        CONTRACT_COMPLIANCE.LINKS,
                        CONTRACT_COMPLIANCE.EARLIEST_VALID_UNTIL)
                .from(CONTRACT_COMPLIANCE)
                .straightJoin(CONTRACT)
                .on(CONTRACT.ID.eq(CONTRACT_COMPLIANCE.CONTRACT_ID))
                .join(SUPPLIER)
                .on(SUPPLIER.ID.eq(CONTRACT.SUPPLIER_ID))
                .join(ORG_UNIT)
                .on(ORG_UNIT.ID.eq(CONTRACT.ORG_UNIT_ID))
                .where(CONTRACT_COMPLIANCE.SEVERITY.lt((byte) ComplianceStatus.OK.severity()))
                .and(inUnits(CONTRACT.ORG_UNIT_ID, units))
                .and(critical ? CRITICAL : DSL.not(CRITICAL))
                .orderBy(CONTRACT_COMPLIANCE.SEVERITY, CONTRACT_COMPLIANCE.CONTRACT_ID)
                .limit(limit)
                .fetch(Records.mapping(
                        (id, number, title, supplierId, supplier, unit, level, status, failing, links, until) ->
                                new RiskyContract(
                                        id,
                                        number,
                                        title,
                                        supplierId,
                                        supplier,
                                        unit,
                                        level,
                                        critical,
                                        status,
                                        failing,
                                        links,
                                        until)));
    }

    private static Condition inUnits(Field<Long> unit, Set<Long> units) {
        if (units == null) {
            return DSL.noCondition();
        }
        return units.isEmpty() ? DSL.falseCondition() : unit.in(units);
    }
}
