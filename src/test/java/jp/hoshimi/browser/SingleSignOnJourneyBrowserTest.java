package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import testsupport.oidc.OidcTestProvider;
import testsupport.oidc.OidcTestProvider.Person;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server, started here on a free port):
 * the authorization-code flow in Chromium, groups mapped to role and unit by an administrator, a changed
 * mapping at the next sign-in, the refusal of a person without a mapped group, and sign-out at both ends.
 * The app is opened as 127.0.0.1 and the provider as localhost, so the browser keeps their cookies apart.
 */
class SingleSignOnJourneyBrowserTest extends BrowserTest {

    static final String PROVIDER_NAME = "Hoshimi ID";
    static OidcTestProvider provider;

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        provider = OidcTestProvider.start(List.of(
                new Person("sato", "佐藤 一郎", "sato@example.jp", List.of("hoshimi-buyers", "logistics", "all-staff")),
                new Person("suzuki", "Suzuki Hanako", "suzuki@example.jp", List.of("sales-staff", "all-staff"))));
        registry.add("hoshimi.sso.issuer-uri", provider::issuer);
        registry.add("hoshimi.sso.client-id", () -> OidcTestProvider.CLIENT_ID);
        registry.add("hoshimi.sso.client-secret", () -> OidcTestProvider.CLIENT_SECRET);
        registry.add("hoshimi.sso.provider-name", () -> PROVIDER_NAME);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    @BeforeEach
    void registerTheAppAtTheProvider() {
        provider.registerClient("http://127.0.0.1:" + port);
    }

    String app(String path) {
        return "http://127.0.0.1:" + port + "/" + path;
    }

    @Test
    void a_mapped_person_signs_in_with_the_provider_gets_role_and_unit_and_signs_out_at_both_ends() {
        Page admin = newPage("ja-JP");
        // local password accounts keep working beside single sign-on (the break-glass administrator)
        signIn(admin, "admin", DEMO_PASSWORD);
        assertThat(admin.locator("#current-user")).isVisible();
        admin.navigate(url("admin"));
        admin.locator("vaadin-tab").filter(text("シングルサインオン")).click();
        assertThat(admin.locator("#sso-status")).containsText(PROVIDER_NAME);
        addMapping(admin, "role", "hoshimi-buyers", "調達担当");
        addMapping(admin, "unit", "logistics", "星見自動車 物流部");
        assertThat(admin.locator("#sso-role-grid")).containsText("hoshimi-buyers");
        assertThat(admin.locator("#sso-unit-grid")).containsText("星見自動車 物流部");
        screenshot(admin, "sso-02-mapping.png");

        Page page = newPage("ja-JP");
        page.navigate(app("login"));
        assertThat(page.locator("#sso-sign-in")).hasText(PROVIDER_NAME + " でサインイン");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        screenshot(page, "sso-01-login.png");
        signInAtProvider(page, "sato", true);
        assertThat(page.locator("#current-user")).containsText("佐藤 一郎");
        screenshot(page, "sso-04-signed-in.png");

        // procurement in the logistics department only: its 16 demo contracts, none of the purchasing department's
        page.navigate(app("contracts"));
        assertThat(page.locator("#contract-count")).hasText("16 件");
        assertThat(page.locator("#contract-grid")).containsText("HMC-2026-0003");
        assertThat(page.locator("#contract-grid")).not().containsText("HMC-2026-0001");
        assertThat(navItem(page, "監査ログ")).hasCount(0);
        screenshot(page, "sso-05-contracts-of-the-mapped-unit.png");

        // the administrator gives everyone in all-staff the auditor role; it applies at the next sign-in
        addMapping(admin, "role", "all-staff", "監査担当");
        page.locator("#logout").click();
        // signed out here and at the provider, back on the app's login page
        page.waitForURL(app("login"));
        assertThat(page.locator("#sso-sign-in")).isVisible();
        screenshot(page, "sso-06-signed-out.png");

        // the provider asks for the password again: its session ended too
        signInAtProvider(page, "sato", true);
        assertThat(page.locator("#current-user")).containsText("佐藤 一郎");
        assertThat(navItem(page, "監査ログ")).hasCount(1);
        screenshot(page, "sso-07-second-sign-in-with-auditor-role.png");

        // the account made by single sign-on has no password here: password sign-in refuses it
        Page guess = newPage("en-US");
        signIn(guess, "sato", "any-password-at-all");
        assertThat(guess.locator("vaadin-login-form")).containsText("Incorrect user name or password");
    }

    @Test
    void a_person_without_a_mapped_group_is_refused_with_their_groups_and_gets_no_session() {
        Page page = newPage("en-US");
        page.navigate(app("login"));
        assertThat(page.locator("#sso-sign-in")).hasText("Sign in with " + PROVIDER_NAME);
        signInAtProvider(page, "suzuki", false);

        Locator refusal = page.locator("#sso-refusal");
        assertThat(refusal).containsText("You cannot sign in to Hoshimi yet");
        assertThat(refusal).containsText("Suzuki Hanako");
        assertThat(page.locator("#sso-refusal-groups")).containsText("sales-staff");
        assertThat(page.locator("#sso-refusal-groups")).containsText("all-staff");
        assertThat(refusal).containsText("Ask your Hoshimi administrator");
        assertThat(page.locator("vaadin-login-form")).isHidden();
        screenshot(page, "sso-08-refused.png");

        // no session: the app still sends them to the login page
        page.navigate(app("contracts"));
        page.waitForURL(u -> u.contains("/login"));
        assertThat(page.locator("#current-user")).hasCount(0);
    }

    /** Presses "Sign in with …", signs in at the provider's own form and waits to come back to the app. */
    private void signInAtProvider(Page page, String username, boolean expectApp) {
        page.locator("#sso-sign-in").click();
        page.waitForURL(u -> u.startsWith(provider.issuer()));
        page.locator("input#username").fill(username);
        page.locator("input#password").fill(OidcTestProvider.PASSWORD);
        if ("sato".equals(username) && page.url().contains("/login")) {
            screenshot(page, "sso-03-provider-login.png");
        }
        page.locator("button[type=submit]").click();
        page.waitForURL(u -> u.startsWith(app("")));
        page.locator(expectApp ? "#current-user" : "#sso-refusal").waitFor();
    }

    private static void addMapping(Page admin, String kind, String claimValue, String target) {
        admin.locator("#sso-" + kind + "-claim input").fill(claimValue);
        admin.locator("#sso-" + kind).click();
        admin.locator("vaadin-select-item").filter(text(target)).first().click();
        admin.locator("#sso-" + kind + "-add").click();
        assertThat(admin.locator("#sso-" + kind + "-grid")).containsText(claimValue);
    }

    private static Locator navItem(Page page, String title) {
        return page.locator("vaadin-side-nav-item").filter(text(title));
    }

    private static Locator.FilterOptions text(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }
}
