package jp.hoshimi.subcontracting.ui;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.shared.LinkAnswers;
import jp.hoshimi.shared.RequiredLevel;

/** How a link's decision-chart answers read on screen (chain tree, supplier detail, dialog). */
public final class LinkTexts {

    private LinkTexts() {}

    /** What flows or matters ("機密情報・業務停止の影響"), "なし" when every answer is no or missing. */
    public static String flows(Component on, LinkAnswers answers) {
        List<String> parts = new ArrayList<>();
        for (LinkAnswers.Question question : answers.yes()) {
            parts.add(on.getTranslation("chain.flow." + question.name()));
        }
        return parts.isEmpty() ? on.getTranslation("chain.flow.none") : String.join("・", parts);
    }

    /** The flows, then each unanswered question as a hint: never silently "no". */
    public static String flowsWithGaps(Component on, LinkAnswers answers) {
        List<String> parts = new ArrayList<>(List.of(flows(on, answers)));
        parts.addAll(unanswered(on, answers));
        return String.join(" ", parts);
    }

    /** One hint per unanswered question ("Q2（停止の影響）未回答"), in the chart's order. */
    public static List<String> unanswered(Component on, LinkAnswers answers) {
        return answers.unanswered().stream()
                .map(question -> on.getTranslation("chain.unanswered." + question.name()))
                .toList();
    }

    /** Why the policy asks the contract's level ("停止すると業務に許容できない遅延が生じるため ★4"), or null. */
    public static String raisedBy(Component on, List<LinkAnswers.Question> questions, RequiredLevel level) {
        if (questions.isEmpty()) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        for (LinkAnswers.Question question : questions) {
            reasons.add(on.getTranslation(question.reasonKey()));
        }
        return on.getTranslation(
                "chain.raisedBy", String.join(on.getTranslation("chain.raisedBy.and"), reasons), shortName(on, level));
    }

    /** "★4" as the chart says it; the full name for levels below the star scheme. */
    private static String shortName(Component on, RequiredLevel level) {
        return level.name().startsWith("STAR")
                ? "★" + level.name().substring(4)
                : on.getTranslation(level.messageKey());
    }
}
