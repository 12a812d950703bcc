package jp.hoshimi.compliance.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.compliance.internal.ChainRows.ContractRow;
import jp.hoshimi.compliance.internal.ChainRows.LinkRow;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.SubcontractorPolicy;

/** Who is in a contract's chain, at which tier, and what is required of each. */
public final class Chains {

    private Chains() {}

    /** What one supplier in a chain must hold: the strictest of its appearances, at its shallowest tier. */
    public record Requirement(int tier, RequiredLevel level) {}

    /**
     * The contract's supplier at tier 1 with the contract's level, then every sub-contractor with its
     * link's explicit level or the policy's answer, by breadth-first tier; in tier order.
     */
    public static Map<Long, Requirement> requirements(
            ContractRow contract, List<LinkRow> links, SubcontractorPolicy policy) {
        Map<Long, RequiredLevel> levels = new HashMap<>();
        levels.put(contract.supplierId(), contract.required());
        Map<Long, List<Long>> children = new HashMap<>();
        for (LinkRow link : links) {
            RequiredLevel level =
                    link.override() != null ? link.override() : policy.requiredOf(contract.required(), link.answers());
            levels.merge(link.childId(), level, Chains::stricter);
            children.computeIfAbsent(link.parentId(), id -> new ArrayList<>()).add(link.childId());
        }
        Map<Long, Integer> tiers = new LinkedHashMap<>();
        Deque<Long> queue = new ArrayDeque<>();
        tiers.put(contract.supplierId(), 1);
        queue.add(contract.supplierId());
        while (!queue.isEmpty()) {
            long parent = queue.poll();
            for (long child : children.getOrDefault(parent, List.of())) {
                if (!tiers.containsKey(child)) {
                    tiers.put(child, tiers.get(parent) + 1);
                    queue.add(child);
                }
            }
        }
        // A link whose parent is not (yet) reachable from the contract's supplier still counts.
        links.forEach(link -> tiers.putIfAbsent(link.childId(), 2));
        Map<Long, Requirement> requirements = new LinkedHashMap<>();
        tiers.forEach((supplier, tier) -> requirements.put(supplier, new Requirement(tier, levels.get(supplier))));
        return requirements;
    }

    private static RequiredLevel stricter(RequiredLevel a, RequiredLevel b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
