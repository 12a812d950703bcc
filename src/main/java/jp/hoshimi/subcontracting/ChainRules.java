package jp.hoshimi.subcontracting;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.shared.FieldProblem;

/**
 * The tree rules of one contract's chain, the one set that both the link editor
 * ({@link SubcontractingService#addLink}) and the set-based import (decision 0035) apply: a new link must
 * not point at itself, must hang under a supplier already in the chain (the contract's supplier or a
 * sub-contractor), must not make a cycle and must not repeat a link. Built from the chain's links in the
 * order they were added (by id); a supplier under two parents counts under the one added last.
 */
public final class ChainRules {

    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Set<Long> inChain = new HashSet<>();
    private final Set<List<Long>> links = new HashSet<>();

    public ChainRules(long contractSupplierId) {
        inChain.add(contractSupplierId);
    }

    /** Adds a link of the chain (a stored one, or one the caller has just accepted). */
    public void add(long parentSupplierId, long childSupplierId) {
        parentOf.put(childSupplierId, parentSupplierId);
        inChain.add(childSupplierId);
        links.add(List.of(parentSupplierId, childSupplierId));
    }

    /** Why a new link from {@code parent} to {@code child} would break the tree; empty when it would not. */
    public Optional<FieldProblem> problemOfNewLink(long parent, long child, String childName) {
        if (parent == child) {
            return problem("chain.selfLink", childName);
        }
        if (!inChain.contains(parent)) {
            return problem("chain.parentNotInChain");
        }
        // a cycle: the new child is already the parent itself or one of its ancestors (bounded: the chain
        // holds no cycle, but a walk must end even if the stored data did)
        int steps = 0;
        for (Long ancestor = parent; ancestor != null && steps <= parentOf.size(); ancestor = parentOf.get(ancestor)) {
            if (ancestor == child) {
                return problem("chain.cycle", childName);
            }
            steps++;
        }
        if (links.contains(List.of(parent, child))) {
            return problem("chain.duplicate", childName);
        }
        return Optional.empty();
    }

    private static Optional<FieldProblem> problem(String messageKey, Object... arguments) {
        return Optional.of(FieldProblem.of("childSupplierId", messageKey, arguments));
    }
}
