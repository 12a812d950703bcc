package jp.hoshimi.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.hoshimi.shared.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.ClassUtils;

/**
 * Who may call which service method: the roles come from the method's annotation, else the class's default
 * (issue 16). The matrix is kept in {@code service-roles.txt}, so a new method that silently takes a
 * broader class default shows up as a difference to review; and every role outside a method's list is
 * refused through the real proxy, which proves method security reads the class-level default.
 * After a deliberate change, rewrite the file with {@code -Dhoshimi.role-matrix.write=true} and review the diff.
 */
@SpringBootTest
class ServiceRoleMatrixTest {

    private static final Path MATRIX = Path.of("src/test/resources/security/service-roles.txt");
    private static final String UNKNOWN_ROLE = "SOMETHING_ELSE";

    @Autowired
    ApplicationContext context;

    @Autowired
    SecurityContextHolderStrategy contexts;

    record Checked(Object bean, Class<?> type, Method method, String rule) {

        String line() {
            String parameters = Arrays.stream(method.getParameterTypes())
                    .map(Class::getSimpleName)
                    .collect(Collectors.joining(","));
            return type.getName() + "#" + method.getName() + "(" + parameters + ") = " + rule;
        }
    }

    @Test
    void the_roles_of_every_service_method_are_the_reviewed_matrix() throws IOException {
        String actual = checkedMethods().stream()
                .map(Checked::line)
                .sorted()
                .distinct()
                .collect(Collectors.joining("\n", "", "\n"));
        if (Boolean.getBoolean("hoshimi.role-matrix.write")) {
            Files.writeString(MATRIX, actual, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
        assertThat(expected).as(MATRIX + " is sorted").isSorted();
        List<String> lines = actual.lines().toList();
        List<String> added = lines.stream().filter(l -> !expected.contains(l)).toList();
        List<String> gone = expected.stream().filter(l -> !lines.contains(l)).toList();
        assertThat(added)
                .as("methods whose roles are new or changed (review, then rewrite " + MATRIX + ")")
                .isEmpty();
        assertThat(gone).as("matrix lines no longer true").isEmpty();
    }

    @Test
    void every_role_outside_a_methods_list_is_refused_before_the_method_runs() {
        List<String> notRefused = new ArrayList<>();
        int calls = 0;
        for (Checked checked : checkedMethods()) {
            if (!checked.rule().startsWith("[")) {
                continue;
            }
            Set<String> allowed = Set.of(
                    checked.rule().substring(1, checked.rule().length() - 1).split(","));
            List<String> refused = Stream.concat(Arrays.stream(Role.values()).map(Role::name), Stream.of(UNKNOWN_ROLE))
                    .filter(role -> !allowed.contains(role))
                    .toList();
            for (String role : refused) {
                calls++;
                if (!refusedAs(role, checked)) {
                    notRefused.add(checked.line() + " ran for " + role);
                }
            }
        }
        assertThat(calls).as("calls made with a wrong role").isGreaterThan(300);
        assertThat(notRefused).isEmpty();
    }

    @Test
    void the_class_default_applies_to_a_method_without_its_own_annotation_and_a_method_annotation_wins() {
        Checked classDefault = checkedMethods().stream()
                .filter(c -> c.type().getSimpleName().equals("RegisterService")
                        && c.method().getName().equals("countRuns"))
                .findFirst()
                .orElseThrow();
        assertThat(AnnotatedElementUtils.hasAnnotation(classDefault.method(), RolesAllowed.class))
                .isFalse();
        assertThat(refusedAs(UNKNOWN_ROLE, classDefault)).isTrue();

        Checked own = checkedMethods().stream()
                .filter(c -> c.type().getSimpleName().equals("SupplierService")
                        && c.method().getName().equals("delete"))
                .findFirst()
                .orElseThrow();
        assertThat(own.rule()).isEqualTo("[RISK_MANAGER,ADMIN]");
        assertThat(refusedAs(Role.PROCUREMENT.name(), own)).isTrue();
    }

    /** Calls the method through the bean's proxy with empty arguments; true when method security refused it. */
    private boolean refusedAs(String role, Checked checked) {
        var previous = contexts.getContext();
        var signedIn = contexts.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "role-matrix", null, List.of(new SimpleGrantedAuthority("ROLE_" + role))));
        contexts.setContext(signedIn);
        try {
            checked.method().setAccessible(true);
            checked.method().invoke(checked.bean(), emptyArguments(checked.method()));
            return false;
        } catch (InvocationTargetException e) {
            return e.getCause() instanceof AccessDeniedException;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            contexts.setContext(previous);
        }
    }

    private static Object[] emptyArguments(Method method) {
        return Arrays.stream(method.getParameterTypes())
                .map(type -> type.isPrimitive() ? primitiveZero(type) : null)
                .toArray();
    }

    private static Object primitiveZero(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return (char) 0;
        }
        return switch (type.getName()) {
            case "byte" -> (byte) 0;
            case "short" -> (short) 0;
            case "int" -> 0;
            case "long" -> 0L;
            case "float" -> 0f;
            default -> 0d;
        };
    }

    /** Every non-private instance method of every application bean that uses method security anywhere. */
    private List<Checked> checkedMethods() {
        var byName = new TreeMap<String, Checked>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> declared = context.getType(name);
            if (declared == null) {
                continue;
            }
            Class<?> type = ClassUtils.getUserClass(declared);
            if (!type.getName().startsWith("jp.hoshimi.")
                    || Component.class.isAssignableFrom(type)
                    || !usesMethodSecurity(type)) {
                continue;
            }
            Object bean = context.getBean(name);
            assertThat(AopUtils.isAopProxy(bean)).as(type + " is proxied").isTrue();
            for (Method method : type.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers) || method.isSynthetic()) {
                    continue;
                }
                Checked checked = new Checked(bean, type, method, rule(type, method));
                byName.put(checked.line(), checked);
            }
        }
        return List.copyOf(byName.values());
    }

    private static boolean usesMethodSecurity(Class<?> type) {
        return securityAnnotated(type)
                || Arrays.stream(type.getDeclaredMethods()).anyMatch(ServiceRoleMatrixTest::securityAnnotated);
    }

    private static boolean securityAnnotated(java.lang.reflect.AnnotatedElement element) {
        return AnnotatedElementUtils.hasAnnotation(element, RolesAllowed.class)
                || AnnotatedElementUtils.hasAnnotation(element, PermitAll.class)
                || AnnotatedElementUtils.hasAnnotation(element, DenyAll.class);
    }

    /** The method's own annotation, else the class's: "[ROLE,…]" in declaration order, "permit all" or "none". */
    private static String rule(Class<?> type, Method method) {
        String own = ruleOf(method);
        if (own != null) {
            return own;
        }
        String inherited = ruleOf(type);
        return inherited != null ? inherited : "none";
    }

    private static String ruleOf(java.lang.reflect.AnnotatedElement element) {
        RolesAllowed roles = AnnotatedElementUtils.findMergedAnnotation(element, RolesAllowed.class);
        if (roles != null) {
            List<String> ordered = Arrays.stream(Role.values())
                    .map(Role::name)
                    .filter(Arrays.asList(roles.value())::contains)
                    .toList();
            return "[" + String.join(",", ordered) + "]";
        }
        if (AnnotatedElementUtils.hasAnnotation(element, PermitAll.class)) {
            return "permit all";
        }
        if (AnnotatedElementUtils.hasAnnotation(element, DenyAll.class)) {
            return "deny all";
        }
        return null;
    }
}
