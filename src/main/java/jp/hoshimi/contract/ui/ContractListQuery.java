package jp.hoshimi.contract.ui;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ui.StatusParameters;

/**
 * The contract list's filters as its address, e.g.
 * {@code contracts?unit=3&level=STAR4&status=EXPIRED} or {@code contracts?expiresFrom=2027-01-01&expiresTo=2027-01-31}.
 * One object reads the address (the list on entering) and writes it (the list's address bar as the filters change,
 * the dashboard's links), so that what a link says and what the list reads cannot drift apart. Unknown or malformed
 * values are ignored rather than refused: an old bookmark still opens the list. Parameters: {@code q} search text,
 * {@code owner} user id, {@code unit} unit id, {@code expiringWithin} days or {@code expiresFrom} / {@code expiresTo}
 * dates, {@code level}, {@code status} (comma-separated), {@code notEvaluated}, {@code ended}, {@code coverageShort}.
 */
public record ContractListQuery(
        String search,
        Long ownerId,
        Long unitId,
        ExpiryWindow expiry,
        RequiredLevel level,
        Set<ComplianceStatus> statuses,
        boolean notEvaluated,
        boolean ended,
        boolean coverageShort) {

    public static final String ROUTE = "contracts";
    static final String SEARCH = "q";
    static final String OWNER = "owner";
    static final String UNIT = "unit";
    static final String EXPIRING_WITHIN = "expiringWithin";
    static final String EXPIRES_FROM = "expiresFrom";
    static final String EXPIRES_TO = "expiresTo";
    static final String LEVEL = "level";
    static final String NOT_EVALUATED = "notEvaluated";
    static final String ENDED = "ended";
    /** Issue 20: only the contracts whose chain is not covered until their end. */
    static final String COVERAGE_SHORT = "coverageShort";

    private static final String TRUE = "true";
    /** The longest "expiring within" a link may ask for: ten years. */
    static final int MAX_WITHIN_DAYS = 3660;

    public ContractListQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The whole list: no filter. */
    public static ContractListQuery all() {
        return new ContractListQuery(null, null, null, null, null, Set.of(), false, false, false);
    }

    /** The filters an address names; what it gets wrong is left out. */
    static ContractListQuery parse(Location location) {
        Map<String, List<String>> parameters = location.getQueryParameters().getParameters();
        return new ContractListQuery(
                StatusParameters.single(parameters, SEARCH),
                StatusParameters.number(parameters, OWNER),
                StatusParameters.number(parameters, UNIT),
                expiryOf(parameters),
                StatusParameters.named(RequiredLevel.class, StatusParameters.single(parameters, LEVEL)),
                StatusParameters.parse(parameters.get(StatusParameters.STATUS)),
                StatusParameters.flag(parameters, NOT_EVALUATED),
                StatusParameters.flag(parameters, ENDED),
                StatusParameters.flag(parameters, COVERAGE_SHORT));
    }

    private static ExpiryWindow expiryOf(Map<String, List<String>> parameters) {
        Long days = StatusParameters.number(parameters, EXPIRING_WITHIN);
        if (days != null && days >= 0 && days <= MAX_WITHIN_DAYS) {
            return ExpiryWindow.within(days.intValue());
        }
        LocalDate from = date(StatusParameters.single(parameters, EXPIRES_FROM));
        LocalDate to = date(StatusParameters.single(parameters, EXPIRES_TO));
        return from == null && to == null ? null : ExpiryWindow.between(from, to);
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public ContractListQuery withStatuses(Set<ComplianceStatus> chosen) {
        return new ContractListQuery(
                search, ownerId, unitId, expiry, level, chosen, notEvaluated, ended, coverageShort);
    }

    public ContractListQuery withStatus(ComplianceStatus status) {
        return withStatuses(Set.of(status));
    }

    public ContractListQuery withUnit(long id) {
        return new ContractListQuery(search, ownerId, id, expiry, level, statuses, notEvaluated, ended, coverageShort);
    }

    public ContractListQuery withLevel(RequiredLevel chosen) {
        return new ContractListQuery(
                search, ownerId, unitId, expiry, chosen, statuses, notEvaluated, ended, coverageShort);
    }

    public ContractListQuery withExpiry(ExpiryWindow window) {
        return new ContractListQuery(
                search, ownerId, unitId, window, level, statuses, notEvaluated, ended, coverageShort);
    }

    /** Only the contracts without an evaluation yet. */
    public ContractListQuery notEvaluatedOnly() {
        return new ContractListQuery(search, ownerId, unitId, expiry, level, statuses, true, ended, coverageShort);
    }

    /** Issue 20: only the contracts whose registrations end before the contract does. */
    public ContractListQuery coverageShortOnly() {
        return new ContractListQuery(search, ownerId, unitId, expiry, level, statuses, notEvaluated, ended, true);
    }

    /** What the list asks the service for. */
    public ContractFilter filter() {
        return new ContractFilter(
                search, unitId, level, ownerId, null, statuses, expiry, notEvaluated, ended, coverageShort);
    }

    /** The query parameters, in the order the dashboard's links have always written them. */
    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        put(parameters, SEARCH, search);
        put(parameters, OWNER, ownerId);
        put(parameters, UNIT, unitId);
        if (expiry != null && expiry.withinDays() != null) {
            put(parameters, EXPIRING_WITHIN, expiry.withinDays());
        } else if (expiry != null) {
            put(parameters, EXPIRES_FROM, expiry.from());
            put(parameters, EXPIRES_TO, expiry.to());
        }
        put(parameters, LEVEL, level == null ? null : level.name());
        parameters.putAll(StatusParameters.toParameters(statuses));
        put(parameters, NOT_EVALUATED, notEvaluated ? TRUE : null);
        put(parameters, ENDED, ended ? TRUE : null);
        put(parameters, COVERAGE_SHORT, coverageShort ? TRUE : null);
        return parameters;
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }

    /** The list's address: what the address bar shows and a bookmark opens. */
    Location location() {
        return new Location(ROUTE, QueryParameters.simple(parameters()));
    }

    /** The relative address for a link, e.g. {@code contracts?unit=3&level=STAR4&status=EXPIRED}. */
    public String href() {
        return StatusParameters.href(ROUTE, parameters());
    }
}
