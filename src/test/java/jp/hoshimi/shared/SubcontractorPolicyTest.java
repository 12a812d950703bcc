package jp.hoshimi.shared;

import static jp.hoshimi.shared.LinkAnswers.Question.BUSINESS_CRITICAL;
import static jp.hoshimi.shared.LinkAnswers.Question.CONFIDENTIAL_DATA;
import static jp.hoshimi.shared.LinkAnswers.Question.SYSTEM_ACCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.shared.LinkAnswers.Question;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The flow-down table: every combination of the link's three chart answers (each yes, no or not answered)
 * × every policy × every contract level.
 */
class SubcontractorPolicyTest {

    /**
     * The 27 answer combinations (yes / no / not answered for each question), each with the questions
     * answered "yes" and those not answered, written out.
     */
    private static final List<Object[]> ANSWERS = List.of(
            new Object[] {false, false, false, List.of(), List.of()},
            new Object[] {false, null, false, List.of(), List.of(BUSINESS_CRITICAL)},
            new Object[] {false, true, false, List.of(BUSINESS_CRITICAL), List.of()},
            new Object[] {false, false, null, List.of(), List.of(SYSTEM_ACCESS)},
            new Object[] {false, null, null, List.of(), List.of(BUSINESS_CRITICAL, SYSTEM_ACCESS)},
            new Object[] {false, true, null, List.of(BUSINESS_CRITICAL), List.of(SYSTEM_ACCESS)},
            new Object[] {false, false, true, List.of(SYSTEM_ACCESS), List.of()},
            new Object[] {false, null, true, List.of(SYSTEM_ACCESS), List.of(BUSINESS_CRITICAL)},
            new Object[] {false, true, true, List.of(BUSINESS_CRITICAL, SYSTEM_ACCESS), List.of()},
            new Object[] {null, false, false, List.of(), List.of(CONFIDENTIAL_DATA)},
            new Object[] {null, null, false, List.of(), List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL)},
            new Object[] {null, true, false, List.of(BUSINESS_CRITICAL), List.of(CONFIDENTIAL_DATA)},
            new Object[] {null, false, null, List.of(), List.of(CONFIDENTIAL_DATA, SYSTEM_ACCESS)},
            new Object[] {null, null, null, List.of(), List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL, SYSTEM_ACCESS)},
            new Object[] {null, true, null, List.of(BUSINESS_CRITICAL), List.of(CONFIDENTIAL_DATA, SYSTEM_ACCESS)},
            new Object[] {null, false, true, List.of(SYSTEM_ACCESS), List.of(CONFIDENTIAL_DATA)},
            new Object[] {null, null, true, List.of(SYSTEM_ACCESS), List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL)},
            new Object[] {null, true, true, List.of(BUSINESS_CRITICAL, SYSTEM_ACCESS), List.of(CONFIDENTIAL_DATA)},
            new Object[] {true, false, false, List.of(CONFIDENTIAL_DATA), List.of()},
            new Object[] {true, null, false, List.of(CONFIDENTIAL_DATA), List.of(BUSINESS_CRITICAL)},
            new Object[] {true, true, false, List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL), List.of()},
            new Object[] {true, false, null, List.of(CONFIDENTIAL_DATA), List.of(SYSTEM_ACCESS)},
            new Object[] {true, null, null, List.of(CONFIDENTIAL_DATA), List.of(BUSINESS_CRITICAL, SYSTEM_ACCESS)},
            new Object[] {true, true, null, List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL), List.of(SYSTEM_ACCESS)},
            new Object[] {true, false, true, List.of(CONFIDENTIAL_DATA, SYSTEM_ACCESS), List.of()},
            new Object[] {true, null, true, List.of(CONFIDENTIAL_DATA, SYSTEM_ACCESS), List.of(BUSINESS_CRITICAL)},
            new Object[] {true, true, true, List.of(CONFIDENTIAL_DATA, BUSINESS_CRITICAL, SYSTEM_ACCESS), List.of()});

    /** policy, contract level, level where any answer is yes, level where none is. */
    private static final String[][] LEVELS = {
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "NONE", "NONE", "NONE"},
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "SA1", "SA1", "SA1"},
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "SA2", "SA2", "SA2"},
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "STAR3", "STAR3", "STAR3"},
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "STAR4", "STAR4", "STAR3"},
        {"SAME_WHERE_DATA_OR_ACCESS_FLOWS", "STAR5", "STAR5", "STAR3"},
        {"SAME_FOR_ALL_TIERS", "NONE", "NONE", "NONE"},
        {"SAME_FOR_ALL_TIERS", "SA1", "SA1", "SA1"},
        {"SAME_FOR_ALL_TIERS", "SA2", "SA2", "SA2"},
        {"SAME_FOR_ALL_TIERS", "STAR3", "STAR3", "STAR3"},
        {"SAME_FOR_ALL_TIERS", "STAR4", "STAR4", "STAR4"},
        {"SAME_FOR_ALL_TIERS", "STAR5", "STAR5", "STAR5"},
        {"STAR3_FOR_ALL", "NONE", "NONE", "NONE"},
        {"STAR3_FOR_ALL", "SA1", "SA1", "SA1"},
        {"STAR3_FOR_ALL", "SA2", "SA2", "SA2"},
        {"STAR3_FOR_ALL", "STAR3", "STAR3", "STAR3"},
        {"STAR3_FOR_ALL", "STAR4", "STAR3", "STAR3"},
        {"STAR3_FOR_ALL", "STAR5", "STAR3", "STAR3"},
    };

    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (String[] level : LEVELS) {
            for (Object[] answer : ANSWERS) {
                @SuppressWarnings("unchecked")
                List<Question> yes = (List<Question>) answer[3];
                @SuppressWarnings("unchecked")
                List<Question> unanswered = (List<Question>) answer[4];
                rows.add(Arguments.of(
                        SubcontractorPolicy.valueOf(level[0]),
                        RequiredLevel.valueOf(level[1]),
                        new LinkAnswers((Boolean) answer[0], (Boolean) answer[1], (Boolean) answer[2]),
                        yes,
                        unanswered,
                        RequiredLevel.valueOf(yes.isEmpty() ? level[3] : level[2])));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {5}")
    @MethodSource("table")
    void each_answer_combination_policy_and_contract_level_derives_the_documented_level(
            SubcontractorPolicy policy,
            RequiredLevel contractLevel,
            LinkAnswers answers,
            List<Question> yes,
            List<Question> unanswered,
            RequiredLevel expected) {
        assertThat(answers.yes()).containsExactlyElementsOf(yes);
        // a not-answered question raises nothing but is a data-quality gap
        assertThat(answers.unanswered()).containsExactlyElementsOf(unanswered);
        assertThat(answers.incomplete()).isEqualTo(!unanswered.isEmpty());
        assertThat(policy.requiredOf(contractLevel, answers)).isEqualTo(expected);
        // the reason names exactly the answers that raised the level above ★3, and only then
        boolean raised = policy == SubcontractorPolicy.SAME_WHERE_DATA_OR_ACCESS_FLOWS
                && contractLevel.compareTo(RequiredLevel.STAR3) > 0;
        assertThat(policy.raisedBy(contractLevel, answers)).isEqualTo(raised ? yes : List.of());
    }
}
