package jp.hoshimi.dashboard;

import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import jp.hoshimi.dashboard.internal.DashboardRepository;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, each from one SQL aggregate over the evaluation tables, within the user's
 * data scope: procurement staff count only their units' contracts (docs/decisions/0004). See
 * docs/decisions/0012-dashboard-list-status-exports.md.
 */
@Service
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
public class DashboardService {

    /** Months on the expiry timeline, the current one included. */
    public static final int TIMELINE_MONTHS = 12;

    /** Days of history on the trend chart, today included. */
    public static final int TREND_DAYS = 180;

    public static final int RISKIEST = 10;

    private final DashboardRepository dashboard;
    private final OrgUnitService orgUnits;
    private final RegisterService register;
    private final BusinessDate businessDate;

    DashboardService(
            DashboardRepository dashboard,
            OrgUnitService orgUnits,
            RegisterService register,
            BusinessDate businessDate) {
        this.dashboard = dashboard;
        this.orgUnits = orgUnits;
        this.register = register;
        this.businessDate = businessDate;
    }

    /** The key figures and the heat map (unit and the units below it × required level × status). */
    @Transactional(readOnly = true)
    public Overview overview() {
        LocalDate today = businessDate.today();
        DataScope scope = orgUnits.currentScope();
        List<DashboardRepository.Breakdown> rows =
                dashboard.breakdown(units(scope), today, Kpis.SOON_DAYS, Kpis.LATER_DAYS);
        StatusCounts all = StatusCounts.empty();
        long soon = 0;
        long later = 0;
        Map<Long, Map<RequiredLevel, StatusCounts>> own = new HashMap<>();
        for (DashboardRepository.Breakdown row : rows) {
            StatusCounts counts = counts(row.status(), row.contracts());
            all = all.plus(counts);
            soon += row.expiringSoon();
            later += row.expiringLater();
            own.computeIfAbsent(row.orgUnitId(), unit -> new EnumMap<>(RequiredLevel.class))
                    .merge(row.requiredLevel(), counts, StatusCounts::plus);
        }
        RegisterService.Freshness freshness = register.freshness();
        Kpis kpis = new Kpis(
                today, dashboard.countSuppliers(), all, soon, later, freshness.lastSuccess(), freshness.stale());
        return new Overview(kpis, heatMap(scope, own));
    }

    /**
     * Contracts whose earliest chain registration ends in each of the next {@value #TIMELINE_MONTHS}
     * months (from today to the end of the twelfth month), by required level.
     */
    @Transactional(readOnly = true)
    public List<ExpiryMonth> expiryTimeline() {
        LocalDate today = businessDate.today();
        YearMonth first = YearMonth.from(today);
        YearMonth last = first.plusMonths(TIMELINE_MONTHS - 1L);
        Map<YearMonth, Map<RequiredLevel, Long>> byMonth = new TreeMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            byMonth.put(month, new EnumMap<>(RequiredLevel.class));
        }
        for (var row : dashboard.expiries(units(orgUnits.currentScope()), today, last.atEndOfMonth())) {
            byMonth.get(YearMonth.of(row.year(), row.month())).merge(row.requiredLevel(), row.contracts(), Long::sum);
        }
        List<ExpiryMonth> months = new ArrayList<>();
        byMonth.forEach((month, levels) -> months.add(
                new ExpiryMonth(month, month.equals(first) ? today : month.atDay(1), month.atEndOfMonth(), levels)));
        return months;
    }

    /** The contracts by status on each of the last {@value #TREND_DAYS} days that have a snapshot. */
    @Transactional(readOnly = true)
    public List<TrendDay> trend() {
        LocalDate today = businessDate.today();
        Map<LocalDate, StatusCounts> days = new LinkedHashMap<>();
        for (var row : dashboard.snapshots(units(orgUnits.currentScope()), today.minusDays(TREND_DAYS - 1L), today)) {
            days.merge(row.date(), counts(row.status(), row.contracts()), StatusCounts::plus);
        }
        return days.entrySet().stream()
                .map(day -> new TrendDay(day.getKey(), day.getValue()))
                .toList();
    }

    /**
     * Up to {@value #RISKIEST} contracts whose chain is not OK: critical ones first (★4/★5 or any
     * decision-chart answer yes), each group worst status first.
     */
    @Transactional(readOnly = true)
    public List<RiskyContract> riskiestContracts() {
        Set<Long> units = units(orgUnits.currentScope());
        List<RiskyContract> riskiest = new ArrayList<>(dashboard.riskiest(units, true, RISKIEST));
        if (riskiest.size() < RISKIEST) {
            riskiest.addAll(dashboard.riskiest(units, false, RISKIEST - riskiest.size()));
        }
        return riskiest;
    }

    /** Today as the evaluation judges it (Asia/Tokyo, or the configured fixed date). */
    public LocalDate today() {
        return businessDate.today();
    }

    private static Set<Long> units(DataScope scope) {
        return scope.groupWide() ? null : scope.unitIds();
    }

    private static StatusCounts counts(ComplianceStatus status, long contracts) {
        if (status == null) {
            return new StatusCounts(Map.of(), contracts);
        }
        return new StatusCounts(Map.of(status, contracts), 0);
    }

    /**
     * Rows per unit the user may see, in tree order, each counting its own contracts and those of the
     * visible units below it (as the contract list's unit filter does), one row per required level that
     * has contracts.
     */
    private List<HeatRow> heatMap(DataScope scope, Map<Long, Map<RequiredLevel, StatusCounts>> own) {
        List<OrgUnit> visible = orgUnits.all().stream()
                .filter(unit -> scope.includes(unit.id()))
                .toList();
        Map<Long, OrgUnit> byId = new HashMap<>();
        visible.forEach(unit -> byId.put(unit.id(), unit));
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit unit : visible) {
            if (unit.parentId() != null && byId.containsKey(unit.parentId())) {
                children.computeIfAbsent(unit.parentId(), id -> new ArrayList<>())
                        .add(unit);
            } else {
                roots.add(unit);
            }
        }
        // roll each unit's own counts up into every visible unit above it
        Map<Long, Map<RequiredLevel, StatusCounts>> rolled = new HashMap<>();
        own.forEach((unitId, levels) -> {
            for (OrgUnit at = byId.get(unitId);
                    at != null;
                    at = at.parentId() == null ? null : byId.get(at.parentId())) {
                Map<RequiredLevel, StatusCounts> target =
                        rolled.computeIfAbsent(at.id(), id -> new EnumMap<>(RequiredLevel.class));
                levels.forEach((level, counts) -> target.merge(level, counts, StatusCounts::plus));
            }
        });
        List<HeatRow> rows = new ArrayList<>();
        for (OrgUnit root : roots) {
            addRows(root, 0, children, rolled, rows);
        }
        return rows;
    }

    private static void addRows(
            OrgUnit unit,
            int depth,
            Map<Long, List<OrgUnit>> children,
            Map<Long, Map<RequiredLevel, StatusCounts>> rolled,
            List<HeatRow> rows) {
        Map<RequiredLevel, StatusCounts> levels = rolled.getOrDefault(unit.id(), Map.of());
        // strictest first: ★5, ★4, ★3, then the SECURITY ACTION levels and none
        for (int i = RequiredLevel.values().length - 1; i >= 0; i--) {
            RequiredLevel level = RequiredLevel.values()[i];
            StatusCounts counts = levels.get(level);
            if (counts != null && counts.total() > 0) {
                rows.add(new HeatRow(unit, depth, level, counts));
            }
        }
        for (OrgUnit child : children.getOrDefault(unit.id(), List.of())) {
            addRows(child, depth + 1, children, rolled, rows);
        }
    }
}
