package jp.hoshimi.subcontracting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import jp.hoshimi.shared.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tree rules of a chain (decision 0035), table-driven and pure: the one set the link editor and the
 * link import both apply. The chain: contract supplier 1 → 2 → 3, and 1 → 4.
 */
class ChainRulesTest {

    static Stream<Arguments> newLinks() {
        return Stream.of(
                Arguments.of("a first-tier sub-contractor", 1L, 5L, null),
                Arguments.of("under a sub-contractor of any tier", 3L, 5L, null),
                Arguments.of("the same child under a second parent", 4L, 3L, null),
                Arguments.of("a self-link", 3L, 3L, "chain.selfLink"),
                Arguments.of("a cycle to the parent's parent", 3L, 2L, "chain.cycle"),
                Arguments.of("a cycle to the contract's supplier", 3L, 1L, "chain.cycle"),
                Arguments.of("a parent outside the chain", 5L, 3L, "chain.parentNotInChain"),
                Arguments.of("a link the chain holds", 2L, 3L, "chain.duplicate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newLinks")
    void a_new_link_is_refused_only_where_it_breaks_the_tree(String what, long parent, long child, String expected) {
        ChainRules rules = chain();

        assertThat(rules.problemOfNewLink(parent, child, "子")
                        .map(FieldProblem::messageKey)
                        .orElse(null))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("newLinks")
    void a_refusal_names_the_child_field(String what, long parent, long child, String expected) {
        ChainRules rules = chain();

        rules.problemOfNewLink(parent, child, "子")
                .ifPresent(problem -> assertThat(problem.field()).isEqualTo("childSupplierId"));
    }

    @org.junit.jupiter.api.Test
    void a_link_accepted_earlier_counts_for_the_next_one() {
        ChainRules rules = chain();
        assertThat(rules.problemOfNewLink(3, 5, "子")).isEmpty();
        rules.add(3, 5);

        assertThat(rules.problemOfNewLink(5, 6, "孫")).isEmpty();
        assertThat(rules.problemOfNewLink(5, 2, "子").map(FieldProblem::messageKey))
                .contains("chain.cycle");
    }

    private static ChainRules chain() {
        ChainRules rules = new ChainRules(1);
        rules.add(1, 2);
        rules.add(2, 3);
        rules.add(1, 4);
        return rules;
    }
}
