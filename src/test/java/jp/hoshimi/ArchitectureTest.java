package jp.hoshimi;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
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
}
