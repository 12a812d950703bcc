package jp.hoshimi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClass.Predicates;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.Set;
import jp.hoshimi.shared.BusinessDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The package rules of STYLE.md. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.hoshimi");
    }

    @Test
    void generated_jooq_classes_stay_in_internal_packages() {
        noClasses()
                .that()
                .resideOutsideOfPackages("jp.hoshimi.db..", "..internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("jp.hoshimi.db..")
                .check(classes);
    }

    @Test
    void jooq_is_used_only_in_internal_packages_and_the_shared_sql_helpers() {
        noClasses()
                .that()
                .resideOutsideOfPackages("jp.hoshimi.db..", "..internal..", "jp.hoshimi.shared.sql..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.jooq..")
                .check(classes);
    }

    @Test
    void the_shared_sql_helpers_serve_only_repositories() {
        classes()
                .that()
                .resideInAPackage("jp.hoshimi.shared.sql..")
                .should()
                .onlyHaveDependentClassesThat()
                .resideInAnyPackage("..internal..", "jp.hoshimi.shared.sql..")
                .check(classes);
    }

    @Test
    void internal_packages_are_used_only_by_their_own_feature() {
        classes()
                .that()
                .resideInAPackage("..internal..")
                .should(beUsedOnlyWithinTheirFeature())
                .check(classes);
    }

    /**
     * Features ({@code jp.hoshimi.<feature>}) depend on each other in one direction only (decision 0043). A
     * feature's views ({@code ..ui..}) and REST endpoints ({@code ..api..}) are slices of their own above it:
     * they compose features for a screen or a client (a supplier's page shows its findings, contracts and
     * requests) and may use any feature, views included, as long as no feature depends back on them. The
     * whole graph — features, views, endpoints, the shell in {@code app} — is free of cycles. Exempt are only
     * a feature's own core naming its own views (the security configuration names the login page) and jOOQ's
     * generated schema.
     */
    @Test
    void features_views_and_endpoints_are_free_of_cycles() {
        FeatureCycles.rule("jp.hoshimi", classes).check(classes);
    }

    /**
     * What everybody uses (value objects, UI scaffolding, API plumbing) knows no feature; the application
     * shell that does (the main layout and its error pages) lives in {@code app}.
     */
    @Test
    void shared_depends_on_no_feature() {
        noClasses()
                .that()
                .resideInAPackage("jp.hoshimi.shared..")
                .should()
                .dependOnClassesThat(Predicates.resideInAPackage("jp.hoshimi..")
                        .and(DescribedPredicate.not(
                                Predicates.resideInAnyPackage("jp.hoshimi.shared..", "jp.hoshimi.db.."))))
                .because("shared is below every feature; what needs a feature belongs to that feature or to app")
                .check(classes);
    }

    @Test
    void views_do_no_sql_and_no_transactions() {
        noClasses()
                .that()
                .resideInAPackage("..ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.jooq..", "java.sql..", "javax.sql..", "org.springframework.jdbc..")
                .orShould()
                .beAnnotatedWith(Transactional.class)
                .check(classes);
    }

    @Test
    void services_and_repositories_do_not_depend_on_views() {
        noClasses()
                .that()
                .areAnnotatedWith(Service.class)
                .or()
                .areAnnotatedWith(Repository.class)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..ui..")
                .check(classes);
    }

    @Test
    void every_view_declares_who_may_open_it() {
        classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .orShould()
                .beAnnotatedWith(DenyAll.class)
                .check(classes);
    }

    @Test
    void every_public_service_method_checks_the_role() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Service.class)
                .and()
                .arePublic()
                .should(beRoleChecked())
                .check(classes);
    }

    @Test
    void only_anonymous_views_are_the_login_page_and_the_suppliers_answer_page() {
        classes()
                .that()
                .areAnnotatedWith(AnonymousAllowed.class)
                .should()
                .haveSimpleName("LoginView")
                .orShould()
                .haveFullyQualifiedName("jp.hoshimi.outreach.ui.ReplyView")
                .check(classes);
    }

    private static ArchCondition<JavaClass> beUsedOnlyWithinTheirFeature() {
        return new ArchCondition<>("be used only within their feature") {
            @Override
            public void check(JavaClass internal, ConditionEvents events) {
                String feature = featureOf(internal.getPackageName());
                internal.getDirectDependenciesToSelf().forEach(dependency -> {
                    String origin = dependency.getOriginClass().getPackageName();
                    if (!origin.startsWith("jp.hoshimi.") || !featureOf(origin).equals(feature)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                });
            }
        };
    }

    /** jp.hoshimi.supplier.internal → supplier */
    private static String featureOf(String packageName) {
        String rest = packageName.substring("jp.hoshimi.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaMethod> beRoleChecked() {
        return new ArchCondition<>("be checked with @RolesAllowed or @PermitAll (on the method or its class)") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean checked = method.isAnnotatedWith(RolesAllowed.class)
                        || method.isAnnotatedWith(PermitAll.class)
                        || method.getOwner().isAnnotatedWith(RolesAllowed.class)
                        || method.getOwner().isAnnotatedWith(PermitAll.class);
                if (!checked) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " has no role check"));
                }
            }
        };
    }

    /** Types whose {@code now(…)} reads the system clock unless it is given a {@link Clock}. */
    static final Set<String> TIME_TYPES = Set.of(
            "java.time.LocalDate",
            "java.time.LocalDateTime",
            "java.time.LocalTime",
            "java.time.Instant",
            "java.time.ZonedDateTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay");

    /**
     * Only the clock bean (ClockConfig) reads the system clock, and only {@link BusinessDate} says what day it
     * is for the business, so {@code hoshimi.clock.fixed-date} and a test's clock reach every "now" of the
     * business (issue 18). Exempt: the HTTP register client and the stand-in register server, whose Date and
     * Retry-After headers are transport timings between two machines' real clocks. Durations measured with
     * System.nanoTime are not time of day and stay allowed.
     */
    @Test
    void only_the_clock_reads_the_system_clock_and_only_business_date_says_what_day_it_is() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName("jp.hoshimi.shared.ClockConfig")
                .and()
                .doNotHaveFullyQualifiedName("jp.hoshimi.register.source.HttpFeedSource")
                .and()
                .doNotHaveFullyQualifiedName("jp.hoshimi.register.source.LocalRegisterServer")
                .should()
                .callCodeUnitWhere(readsTheSystemClock())
                .check(classes);
        // the NTA's difference files are published for real days: what to fetch follows the app clock's real
        // day in Tokyo, not a fixed business date (issue 21)
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(BusinessDate.class.getName())
                .and()
                .doNotHaveFullyQualifiedName("jp.hoshimi.legalentity.LegalEntitySources")
                .and()
                .doNotHaveFullyQualifiedName("jp.hoshimi.legalentity.source.NtaWebApiSource")
                .should()
                .callMethod(java.time.LocalDate.class, "now", Clock.class)
                .because("today of the business is BusinessDate.today() (it knows the fixed date)")
                .check(classes);
    }

    static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
        return DescribedPredicate.describe(
                "read the system clock (now() without a Clock, System.currentTimeMillis(), new Date(), Clock.system*)",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean withClock = call.getTarget().getRawParameterTypes().stream()
                            .anyMatch(type -> type.isAssignableTo(Clock.class));
                    return TIME_TYPES.contains(owner) && name.equals("now") && !withClock
                            || owner.equals("java.lang.System") && name.equals("currentTimeMillis")
                            || owner.equals("java.util.Date")
                                    && name.equals("<init>")
                                    && call.getTarget().getRawParameterTypes().isEmpty()
                            || owner.equals("java.time.Clock") && name.startsWith("system");
                });
    }
}
