package jp.hoshimi;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Server-side UI tests (Karibu): real views, real services and the real database, no browser. Call
 * {@link #signInAs} to open the UI as a user with the given roles.
 */
@SpringBootTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("jp.hoshimi");
        // Karibu's discovery skips package-private views (STYLE.md keeps views package-private): add them.
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("jp.hoshimi")) {
            routes.getRoutes().add(loadComponentClass(candidate.getBeanClassName()));
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Component> loadComponentClass(String name) {
        try {
            return (Class<? extends Component>) Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    private UserDetailsService userDetailsService;

    /** Starts a UI signed in as one of the demo users (their units and roles), in Japanese. */
    protected void signInAsUser(String username) {
        signInAs(Locale.JAPANESE, (HoshimiUser) userDetailsService.loadUserByUsername(username));
    }

    /** Starts a UI signed in as a user with these roles, in the given language. */
    protected void signInAs(Locale locale, Role... roles) {
        Set<Role> roleSet = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        signInAs(locale, new HoshimiUser(1, "karibu", "Karibu Tester", "", true, roleSet));
    }

    private void signInAs(Locale locale, HoshimiUser user) {
        Authentication authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        // signed in before the mock UI opens: setting it up already navigates to the dashboard (route ""),
        // and Vaadin's security context strategy reads the context from the (fake) HTTP session
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);
        MockVaadin.INSTANCE.setMockRequestFactory(session -> {
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
            return new FakeRequest(session) {
                @Override
                public java.security.Principal getUserPrincipal() {
                    return authentication;
                }

                @Override
                public boolean isUserInRole(String role) {
                    return user.getAuthorities().stream()
                            .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
                }
            };
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
        UI.getCurrent().setLocale(locale);
    }

    protected void signInAs(Role... roles) {
        signInAs(Locale.JAPANESE, roles);
    }

    @AfterEach
    void tearDownVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.tearDown();
    }
}
