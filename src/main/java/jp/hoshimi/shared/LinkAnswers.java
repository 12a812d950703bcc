package jp.hoshimi.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * A sub-contractor link's answers to the decision chart's three questions (DOMAIN.md), in the chart's
 * order. Each is yes / no / not answered ({@code null}): a not-answered question raises nothing (the link
 * is judged as if it were "no"), but it is shown as a data-quality hint and never read or stored as "no"
 * (decision 0015).
 */
public record LinkAnswers(Boolean confidentialDataFlows, Boolean businessCritical, Boolean systemAccess) {

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
        return questionsWhere(Boolean.TRUE);
    }

    /** The questions that have no answer yet, in the chart's order. */
    public List<Question> unanswered() {
        return questionsWhere(null);
    }

    /** True where a question still has no answer (a data-quality gap, not a "no"). */
    public boolean incomplete() {
        return !unanswered().isEmpty();
    }

    /** The answer to one question: true, false or null (not answered). */
    public Boolean answer(Question question) {
        return switch (question) {
            case CONFIDENTIAL_DATA -> confidentialDataFlows;
            case BUSINESS_CRITICAL -> businessCritical;
            case SYSTEM_ACCESS -> systemAccess;
        };
    }

    private List<Question> questionsWhere(Boolean value) {
        List<Question> matching = new ArrayList<>(3);
        for (Question question : Question.values()) {
            if (java.util.Objects.equals(answer(question), value)) {
                matching.add(question);
            }
        }
        return matching;
    }
}
