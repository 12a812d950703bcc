package jp.hoshimi.supplier.ui;

import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.ui.StatusParameters;
import jp.hoshimi.supplier.SupplierFilter;

/**
 * The supplier list's filters as its address, e.g. {@code suppliers?q=ミナト&quick=FOREIGN&status=EXPIRED,MISSING}:
 * one object reads the address (the list on entering) and writes it (the address bar as the filters change, the
 * dashboard's link). Unknown values are ignored rather than refused, so an old bookmark still opens the list.
 */
public record SupplierListQuery(String search, SupplierFilter.Quick quick, Set<ComplianceStatus> statuses) {

    public static final String ROUTE = "suppliers";
    static final String SEARCH = "q";
    static final String QUICK = "quick";

    public SupplierListQuery {
        search = search == null || search.isBlank() ? null : search.strip();
        quick = quick == null ? SupplierFilter.Quick.ALL : quick;
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The whole list: no filter. */
    public static SupplierListQuery all() {
        return new SupplierListQuery(null, SupplierFilter.Quick.ALL, Set.of());
    }

    /** The filters an address names; what it gets wrong is left out. */
    static SupplierListQuery parse(Location location) {
        Map<String, List<String>> parameters = location.getQueryParameters().getParameters();
        return new SupplierListQuery(
                StatusParameters.single(parameters, SEARCH),
                StatusParameters.named(SupplierFilter.Quick.class, StatusParameters.single(parameters, QUICK)),
                StatusParameters.parse(parameters.get(StatusParameters.STATUS)));
    }

    /** What the list asks the service for. */
    SupplierFilter filter() {
        return new SupplierFilter(search, quick, statuses);
    }

    Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (search != null) {
            parameters.put(SEARCH, search);
        }
        if (quick != SupplierFilter.Quick.ALL) {
            parameters.put(QUICK, quick.name());
        }
        parameters.putAll(StatusParameters.toParameters(statuses));
        return parameters;
    }

    /** The list's address: what the address bar shows and a bookmark opens. */
    Location location() {
        return new Location(ROUTE, QueryParameters.simple(parameters()));
    }

    /** The relative address for a link, e.g. {@code suppliers?quick=FOREIGN}. */
    public String href() {
        return StatusParameters.href(ROUTE, parameters());
    }
}
