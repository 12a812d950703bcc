package jp.hoshimi.dashboard.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.ui.StatusParameters;

/**
 * The addresses of the filtered lists the dashboard's numbers lead to: the query parameters that
 * ContractListView and SupplierListView read.
 */
final class Links {

    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final String list;

    private Links(String list) {
        this.list = list;
    }

    static Links contracts() {
        return new Links("contracts");
    }

    static Links suppliers() {
        return new Links("suppliers");
    }

    Links status(Set<ComplianceStatus> statuses) {
        parameters.putAll(StatusParameters.toParameters(statuses));
        return this;
    }

    Links status(ComplianceStatus status) {
        return status(Set.of(status));
    }

    Links unit(long unitId) {
        parameters.put("unit", String.valueOf(unitId));
        return this;
    }

    Links level(RequiredLevel level) {
        parameters.put("level", level.name());
        return this;
    }

    Links expiringWithin(int days) {
        parameters.put("expiringWithin", String.valueOf(days));
        return this;
    }

    Links expiresBetween(LocalDate from, LocalDate to) {
        parameters.put("expiresFrom", from.toString());
        parameters.put("expiresTo", to.toString());
        return this;
    }

    /** Issue 20: only the contracts whose registrations end before the contract does (ContractListView). */
    Links coverageShort() {
        parameters.put("coverageShort", "true");
        return this;
    }

    Links notEvaluated() {
        parameters.put("notEvaluated", "true");
        return this;
    }

    /** The relative address, e.g. {@code contracts?status=EXPIRED&unit=3}. */
    String href() {
        if (parameters.isEmpty()) {
            return list;
        }
        return list + "?"
                + parameters.entrySet().stream()
                        .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
    }
}
