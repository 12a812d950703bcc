package jp.hoshimi.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.compliance.ComplianceStatus;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The dashboard over evaluated demo data: its numbers lead to the lists they count. */
@Transactional
class DashboardViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    DashboardService dashboard;

    @Autowired
    SystemAuthentication system;

    private DashboardView open() {
        ComplianceFixture.evaluateDemoData(dsl, system.callAsSystem(dashboard::today));
        signInAsUser("risk");
        UI.getCurrent().navigate("");
        return _get(DashboardView.class);
    }

    private static String value(Anchor card) {
        return card.getChildren()
                .filter(c -> c instanceof Span s && s.hasClassName("kpi-value"))
                .map(c -> ((Span) c).getText())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void the_expired_count_leads_to_the_contracts_filtered_by_expired() {
        DashboardView view = open();

        Anchor expired = _get(Anchor.class, spec -> spec.withId("kpi-expired"));
        assertThat(expired.getHref()).isEqualTo("contracts?status=EXPIRED");
        int expected = dsl.fetchCount(dsl.selectFrom("contract_compliance").where("status = 'EXPIRED'"));
        assertThat(value(expired)).isEqualTo(String.valueOf(expected));
        assertThat(_get(Anchor.class, spec -> spec.withId("kpi-expiring-30")).getHref())
                .isEqualTo("contracts?expiringWithin=30");
        assertThat(view.kpis.getChildren()).hasSizeGreaterThanOrEqualTo(11);
    }

    @Test
    void heat_map_cells_and_chart_bars_link_to_filtered_lists() {
        DashboardView view = open();

        assertThat(view.heatMap.getElement().getOuterHTML())
                .contains("href=\"contracts?unit=")
                .contains("&amp;level=STAR4&amp;status=EXPIRED")
                .contains("&amp;level=STAR4&amp;notEvaluated=true");
        String timelineSvg = view.timeline
                .getChildren()
                .findFirst()
                .orElseThrow()
                .getElement()
                .getProperty("innerHTML");
        assertThat(timelineSvg).startsWith("<svg").contains("href=\"contracts?expiresFrom=");
        String trendSvg =
                view.trend.getChildren().findFirst().orElseThrow().getElement().getProperty("innerHTML");
        assertThat(trendSvg).startsWith("<svg").contains("status-OK");
        assertThat(view.riskiest.getElement().getOuterHTML())
                .contains("href=\"contracts/")
                .contains("href=\"suppliers/");
    }

    @Test
    void the_dashboard_speaks_english_too() {
        ComplianceFixture.evaluateDemoData(dsl, system.callAsSystem(dashboard::today));
        signInAs(Locale.ENGLISH, Role.AUDITOR);
        UI.getCurrent().navigate("");

        DashboardView view = _get(DashboardView.class);
        assertThat(view.getElement().getOuterHTML())
                .contains("Riskiest contracts")
                .contains(view.getTranslation(ComplianceStatus.EXPIRED.messageKey()));
    }
}
