package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.hoshimi.register.MappingDraft;
import jp.hoshimi.register.RegisterMapping;
import jp.hoshimi.register.RegisterMappingService;
import jp.hoshimi.register.RegisterSourceService;
import jp.hoshimi.register.RegisterSourceSettings;
import jp.hoshimi.register.source.LocalRegisterServer;
import jp.hoshimi.register.source.OfficialShapedRegister;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 23, "try, save, sync": the official register is published as an Excel download with Japanese headers,
 * ★ levels and 令和 dates. An administrator points the ★ source at it, types the mapping, tries a CP932 sample
 * and the source itself, saves, and syncs: the same register as the demo, nothing changes. The source and the
 * mapping are put back afterwards (the browser tests share one application).
 */
class RegisterMappingJourneyBrowserTest extends BrowserTest {

    static final Path DEMO = Path.of("sample-data/register-star.csv");

    @Autowired
    RegisterSourceService sources;

    @Autowired
    RegisterMappingService mappings;

    @Autowired
    SystemAuthentication system;

    LocalRegisterServer official;
    RegisterSourceSettings before;
    Path sample;

    @BeforeEach
    void publishTheOfficialRegister() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/tmp/register-mapping-journey"));
        List<String> lines = OfficialShapedRegister.lines(DEMO);
        Path xlsx = OfficialShapedRegister.xlsx(dir.resolve("touroku-ichiran.xlsx"), lines);
        sample = OfficialShapedRegister.csv(dir.resolve("登録事業者一覧.csv"), lines);
        official = LocalRegisterServer.start(xlsx);
        before = system.callAsSystem(() -> sources.all().get(0));
    }

    @AfterEach
    void putTheSourceAndMappingBack() {
        official.close();
        system.runAsSystem(() -> {
            RegisterSourceSettings now = sources.all().get(0);
            sources.save(new RegisterSourceSettings(
                    before.kind(), before.type(), before.location(), before.format(), before.origin(), now.version()));
            RegisterMapping mapping = mappings.current(RegisterKind.STAR);
            MappingDraft d = MappingDraft.of(RegisterMapping.defaults(RegisterKind.STAR));
            mappings.save(
                    RegisterKind.STAR,
                    new MappingDraft(
                            d.corporateNumber(),
                            d.name(),
                            d.level(),
                            d.registeredOn(),
                            d.validUntil(),
                            d.status(),
                            d.scope(),
                            d.assessmentBody(),
                            d.entriesPath(),
                            d.levelValues(),
                            d.statusValues(),
                            d.datePattern(),
                            d.encoding(),
                            mapping.version()));
        });
    }

    @Test
    void an_administrator_tries_a_mapping_saves_it_and_syncs_the_official_register() {
        Page page = newPage("ja-JP");
        signIn(page, "admin", DEMO_PASSWORD);

        page.navigate(url("register/source"));
        page.locator("#register-source-star-location input").fill(official.url().toString());
        page.locator("#register-source-star-save").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions().setHasText("保存")))
                .not()
                .hasCount(0);
        page.locator("#register-source-mapping").click();

        assertThat(page.locator("#register-mapping-corporateNumber input")).hasValue("corporate_number");
        List<String> fields = List.of(
                "corporateNumber", "name", "level", "registeredOn", "validUntil", "status", "scope", "assessmentBody");
        for (int i = 0; i < fields.size(); i++) {
            Locator input = page.locator("#register-mapping-" + fields.get(i) + " input");
            input.fill(OfficialShapedRegister.HEADER.get(i));
            input.press("Enter");
        }
        page.locator("#register-mapping-suggest").click();
        pick(page, "#register-mapping-datePattern", "vaadin-combo-box-item", "令和8年4月1日");
        pick(page, "#register-mapping-encoding", "vaadin-select-item", "Shift_JIS");
        screenshot(page, "register-mapping-01-typed.png");

        page.locator("#register-mapping-upload input[type=file]").setInputFiles(sample);
        assertThat(page.locator("#register-mapping-summary")).containsText("70 件を読み込みました（CSV）");
        assertThat(page.locator("#register-mapping-summary")).hasAttribute("data-acceptable", "true");
        assertThat(page.locator("#register-mapping-entries vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("株式会社ミナトデンソー")))
                .hasCount(1);
        page.locator("#register-mapping-summary").scrollIntoViewIfNeeded();
        screenshot(page, "register-mapping-02-sample-tried.png");

        // a wrong date format: the configured source, fetched once, shows every rejected row and why
        pick(page, "#register-mapping-datePattern", "vaadin-combo-box-item", "2026/04/01");
        page.locator("#register-mapping-fetch").click();
        assertThat(page.locator("#register-mapping-summary")).hasAttribute("data-acceptable", "false");
        assertThat(page.locator("#register-mapping-summary")).containsText("70 件が不合格");
        assertThat(page.locator("#register-mapping-rejected vaadin-grid-cell-content")
                        .filter(new Locator.FilterOptions().setHasText("uuuu/MM/dd")))
                .not()
                .hasCount(0);
        page.locator("#register-mapping-summary").scrollIntoViewIfNeeded();
        screenshot(page, "register-mapping-03-rejected.png");

        pick(page, "#register-mapping-datePattern", "vaadin-combo-box-item", "令和8年4月1日");
        page.locator("#register-mapping-fetch").click();
        assertThat(page.locator("#register-mapping-summary")).containsText("70 件を読み込みました（XLSX）");
        page.locator("#register-mapping-save").click();
        assertThat(page.locator("vaadin-notification-card")
                        .filter(new Locator.FilterOptions().setHasText("項目対応を保存しました")))
                .hasCount(1);
        assertThat(page.locator("p").filter(new Locator.FilterOptions().setHasText("最終変更：admin")))
                .hasCount(1);
        screenshot(page, "register-mapping-04-saved.png");

        page.navigate(url("register"));
        page.locator("#register-sync-now").click();
        // applied as changes, or as the kind's initial load when no earlier test synced this database (issue 17)
        assertThat(page.locator("vaadin-notification-card")
                        .filter(new Locator.FilterOptions()
                                .setHasText(java.util.regex.Pattern.compile("反映済み（新規|初回読み込み")))
                        .first())
                .isVisible();
        // the header's last sync agrees with the page's own freshness line at once, without navigating
        String pageTime = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}")
                .matcher(page.locator("#register-freshness").textContent())
                .results()
                .findFirst()
                .orElseThrow()
                .group();
        assertThat(page.locator("#header-register-sync")).containsText(pageTime);
        screenshot(page, "register-mapping-05-synced.png");
    }

    private static void pick(Page page, String field, String itemTag, String text) {
        page.locator(field).click();
        page.locator(itemTag)
                .filter(new Locator.FilterOptions().setHasText(text))
                .first()
                .click();
    }
}
