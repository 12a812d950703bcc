package jp.hoshimi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The feature-cycle rule ({@link FeatureCycles}, decision 0043) on small planted graphs in
 * {@code jp.hoshimi.archfixtures}: it fails on each kind of cycle it is meant to find and lets pass what it
 * exempts, so a green {@code ArchitectureTest} means something.
 */
class FeatureCyclesTest {

    @Test
    void two_features_that_use_each_other_fail() {
        assertThatThrownBy(() -> check("featurecycle"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected: Slice a -> \n")
                .hasMessageContaining("Slice b");
    }

    @Test
    void a_feature_that_uses_another_features_view_which_uses_it_fails() {
        assertThatThrownBy(() -> check("backtoview"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Slice a.ui")
                .hasMessageContaining("Slice b");
    }

    @Test
    void a_feature_that_uses_another_features_endpoint_which_uses_it_fails() {
        assertThatThrownBy(() -> check("backtoendpoint"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Slice b.api");
    }

    @Test
    void a_view_may_use_a_feature_that_uses_the_views_own_feature() {
        assertThat(passes("viewuses")).isTrue();
    }

    @Test
    void views_of_two_features_may_name_each_other() {
        assertThat(passes("viewsmeet")).isTrue();
    }

    @Test
    void a_feature_may_name_its_own_view() {
        assertThat(passes("ownview")).isTrue();
    }

    private static boolean passes(String fixture) {
        check(fixture);
        return true;
    }

    private static void check(String fixture) {
        String root = "jp.hoshimi.archfixtures." + fixture;
        var classes = new ClassFileImporter().importPackages(root);
        assertThat(classes).as("the fixture's classes").isNotEmpty();
        FeatureCycles.rule(root, classes).check(classes);
    }
}
