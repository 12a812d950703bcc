package jp.hoshimi;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClass.Predicates;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The feature-cycle rule of decision 0043, for the features below a root package ({@code jp.hoshimi}, or a
 * fixture's in {@code FeatureCyclesTest}). Each feature ({@code <root>.<feature>}) is one slice; its views
 * ({@code ..ui..}) and REST endpoints ({@code ..api..}) are slices of their own above it; the whole graph must be
 * free of cycles. Exempt are only a view naming another feature's view (pages are made of each other's views and
 * link back), a feature's core naming its own views (the security configuration names the login page), and
 * jOOQ's generated schema ({@code <root>.db}: it names the enums its columns are typed with, but it is the schema
 * every feature reads, not a feature).
 */
final class FeatureCycles {

    private FeatureCycles() {}

    static ArchRule rule(String root, JavaClasses classes) {
        var views = Predicates.resideInAPackage(root + ".*.ui..");
        var rule = slices().assignedFrom(assignment(root))
                .should()
                .beFreeOfCycles()
                // a page is made of other features' views (the supplier page shows its findings, requests and
                // chains; a finding links back to its supplier): views composing views may name each other
                .ignoreDependency(views, views);
        for (var feature : features(root, classes)) {
            String core = root + "." + feature;
            rule = rule.ignoreDependency(
                    Predicates.resideInAPackage(core + "..")
                            .and(DescribedPredicate.not(
                                    Predicates.resideInAnyPackage(core + "..ui..", core + "..api.."))),
                    Predicates.resideInAPackage(core + ".ui.."));
        }
        return rule.because("a feature is understood, tested and changed from its own package down; views and REST"
                + " endpoints compose features and may use any feature's services and views");
    }

    private static SliceAssignment assignment(String root) {
        return new SliceAssignment() {
            @Override
            public String getDescription() {
                return "features, with their views and endpoints as slices of their own";
            }

            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return sliceOf(root, javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
            }
        };
    }

    /** The feature, {@code <feature>.ui} or {@code <feature>.api} a class belongs to; none for the schema. */
    static Optional<String> sliceOf(String root, JavaClass javaClass) {
        var name = javaClass.getPackageName();
        if (!name.startsWith(root + ".") || name.startsWith(root + ".db")) {
            return Optional.empty();
        }
        var parts = List.of(name.substring(root.length() + 1).split("\\."));
        return Optional.of(parts.stream()
                .filter(part -> part.equals("ui") || part.equals("api"))
                .findFirst()
                .map(adapter -> parts.get(0) + "." + adapter)
                .orElse(parts.get(0)));
    }

    private static Set<String> features(String root, JavaClasses classes) {
        return classes.stream()
                .flatMap(javaClass -> sliceOf(root, javaClass).stream())
                .filter(slice -> !slice.contains("."))
                .collect(Collectors.toSet());
    }
}
