package jp.hoshimi.compliance;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved exceptions of one evaluation batch (issue 20): which one covers a finding (one for the
 * finding itself before one for the supplier across contracts), and which lapsed. An exception that
 * lapses on one finding lapses everywhere, so a batch is judged in two passes: {@link #check} every rules'
 * verdict, then {@link #apply}.
 */
final class Acceptances {

    private final Map<List<Long>, AcceptedRisk> byFinding = new HashMap<>();
    private final Map<Long, AcceptedRisk> bySupplier = new HashMap<>();
    private final Map<Long, AcceptedRisk.Lapse> lapsed = new LinkedHashMap<>();

    Acceptances(List<AcceptedRisk> approved) {
        for (AcceptedRisk risk : approved) {
            if (risk.contractId() == null) {
                bySupplier.merge(risk.supplierId(), risk, Acceptances::later);
            } else {
                byFinding.merge(List.of(risk.contractId(), risk.supplierId()), risk, Acceptances::later);
            }
        }
    }

    /** Notes whether the exception covering this finding lapses on the rules' verdict. */
    void check(long contractId, long supplierId, Verdict rules) {
        AcceptedRisk risk = covering(contractId, supplierId);
        if (risk != null) {
            AcceptedRisk.Lapse lapse = ComplianceRules.lapse(rules, risk);
            if (lapse != null) {
                lapsed.putIfAbsent(risk.exceptionId(), lapse);
            }
        }
    }

    /** The verdict with the covering exception applied, unless that exception lapsed in this batch. */
    Verdict apply(long contractId, long supplierId, Verdict rules, jp.hoshimi.settings.PolicySettings policy) {
        AcceptedRisk risk = covering(contractId, supplierId);
        return risk == null || lapsed.containsKey(risk.exceptionId())
                ? rules
                : ComplianceRules.accept(rules, risk, policy);
    }

    Map<Long, AcceptedRisk.Lapse> lapsed() {
        return lapsed;
    }

    private AcceptedRisk covering(long contractId, long supplierId) {
        AcceptedRisk own = byFinding.get(List.of(contractId, supplierId));
        return own != null ? own : bySupplier.get(supplierId);
    }

    private static AcceptedRisk later(AcceptedRisk a, AcceptedRisk b) {
        return a.endsOn().isBefore(b.endsOn()) ? b : a;
    }
}
