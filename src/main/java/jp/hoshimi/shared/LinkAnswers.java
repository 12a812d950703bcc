package jp.hoshimi.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A sub-contractor link's answers to the decision chart's three questions (DOMAIN.md), in the chart's
 * order. {@code businessCritical} is yes / no / not answered ({@code null}): links stored before it was
 * asked have no answer, which is shown as a data-quality hint and never read as "no".
 */
public record LinkAnswers(boolean confidentialDataFlows, Boolean businessCritical, boolean systemAccess) {

    /** The chart's questions, each with the message key of the reason it gives for a raised level. */
    public enum Question {
        CONFIDENTIAL_DATA,
        BUSINESS_CRITICAL,
        SYSTEM_ACCESS;

        public String reasonKey() {
            return "chain.raisedBy." + name();
        }
    }

    /** The questions answered "yes", in the chart's order. */
    public List<Question> yes() {
        List<Question> yes = new ArrayList<>(3);
        if (confidentialDataFlows) {
            yes.add(Question.CONFIDENTIAL_DATA);
        }
        if (Boolean.TRUE.equals(businessCritical)) {
            yes.add(Question.BUSINESS_CRITICAL);
        }
        if (systemAccess) {
            yes.add(Question.SYSTEM_ACCESS);
        }
        return yes;
    }

    /** True where a question still has no answer (a data-quality gap, not a "no"). */
    public boolean incomplete() {
        return businessCritical == null;
    }
}
