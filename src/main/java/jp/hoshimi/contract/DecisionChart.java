package jp.hoshimi.contract;

import java.util.Optional;
import jp.hoshimi.shared.RequiredLevel;

/**
 * The scheme's decision chart for ordering companies (DOMAIN.md): any "yes" suggests ★4, three "no"
 * suggest ★3. The answers are stored with the contract: they are the audit record of why a level is
 * required.
 *
 * @param handlesConfidential will our important confidential information be handled on the supplier's IT?
 * @param businessCritical would a stoppage of the supplier unacceptably delay our business?
 * @param networkAccess can the supplier's environment connect into our internal systems?
 */
public record DecisionChart(Boolean handlesConfidential, Boolean businessCritical, Boolean networkAccess) {

    public static DecisionChart unanswered() {
        return new DecisionChart(null, null, null);
    }

    public boolean isComplete() {
        return handlesConfidential != null && businessCritical != null && networkAccess != null;
    }

    public boolean anyYes() {
        return Boolean.TRUE.equals(handlesConfidential)
                || Boolean.TRUE.equals(businessCritical)
                || Boolean.TRUE.equals(networkAccess);
    }

    /** ★4 as soon as one answer is yes; ★3 when all three are no; nothing while answers are missing. */
    public Optional<RequiredLevel> suggestion() {
        if (anyYes()) {
            return Optional.of(RequiredLevel.STAR4);
        }
        return isComplete() ? Optional.of(RequiredLevel.STAR3) : Optional.empty();
    }
}
