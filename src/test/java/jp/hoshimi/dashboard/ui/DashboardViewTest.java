package jp.hoshimi.dashboard.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.util.Locale;
import jp.hoshimi.ComplianceFixture;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.dashboard.DashboardService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
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

    /** The card's number, then the rows of the list its link opens (the list's own count label agrees). */
    private void coverageCardEqualsItsList(String user) {
        signInAsUser(user);
        UI.getCurrent().navigate("");
        Anchor card = _get(Anchor.class, spec -> spec.withId("kpi-coverage-short"));
        assertThat(card.getHref()).isEqualTo("contracts?coverageShort=true");
        int figure = Integer.parseInt(value(card).replace(",", ""));

        UI.getCurrent().navigate("contracts", QueryParameters.of("coverageShort", "true"));
        Grid<?> list = _get(Grid.class, spec -> spec.withId("contract-grid"));
        assertThat(figure).isPositive().isEqualTo(_size(list));
    }

    @Test
    void the_not_covered_for_the_whole_term_figure_equals_the_rows_of_the_list_it_links_to() {
        open();
        // findings for the running contracts' main suppliers: every second one's registration ends 10 days
        // before the contract, the others' 10 days after (the fixture writes no findings)
        LocalDate today = system.callAsSystem(dashboard::today);
        dsl.execute("""
                INSERT INTO compliance_finding (contract_id, supplier_id, tier, required_level, valid_until, status,
                    severity, reason_code, status_since, evaluated_on, updated_at)
                SELECT id, supplier_id, 1, 'STAR3', end_date + INTERVAL IF(MOD(id, 2) = 0, -10, 10) DAY, 'OK', ?,
                    'VALID', NOW(), ?, NOW()
                FROM contract WHERE end_date >= ?
                """, ComplianceStatus.OK.severity(), today, today);
        coverageCardEqualsItsList("risk");
        coverageCardEqualsItsList("procurement"); // the same in a narrower data scope
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
