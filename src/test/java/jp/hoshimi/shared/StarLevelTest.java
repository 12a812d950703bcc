package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StarLevelTest {

    @Test
    void levels_are_ordered_from_security_action_to_star_five() {
        List<StarLevel> shuffled =
                List.of(StarLevel.STAR5, StarLevel.SA2, StarLevel.STAR3, StarLevel.SA1, StarLevel.STAR4);
        assertThat(shuffled.stream().sorted())
                .containsExactly(StarLevel.SA1, StarLevel.SA2, StarLevel.STAR3, StarLevel.STAR4, StarLevel.STAR5);
    }

    @Test
    void a_higher_level_satisfies_a_lower_requirement_but_not_the_reverse() {
        assertThat(StarLevel.STAR4.satisfies(StarLevel.STAR3)).isTrue();
        assertThat(StarLevel.STAR4.satisfies(StarLevel.STAR4)).isTrue();
        assertThat(StarLevel.STAR3.satisfies(StarLevel.STAR4)).isFalse();
    }

    @Test
    void security_action_never_satisfies_star_three_or_above() {
        for (StarLevel securityAction : List.of(StarLevel.SA1, StarLevel.SA2)) {
            assertThat(securityAction.isSecurityAction()).isTrue();
            assertThat(securityAction.satisfies(StarLevel.STAR3)).isFalse();
            assertThat(securityAction.satisfies(StarLevel.STAR4)).isFalse();
        }
        assertThat(StarLevel.SA2.satisfies(StarLevel.SA1)).isTrue();
    }

    @Test
    void labels_show_the_number_of_stars() {
        assertThat(Arrays.stream(StarLevel.values()).map(StarLevel::label))
                .containsExactly("★1", "★2", "★3", "★4", "★5");
    }
}
