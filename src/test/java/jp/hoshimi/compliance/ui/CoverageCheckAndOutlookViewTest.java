package jp.hoshimi.compliance.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.SUPPLIER_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.YearMonth;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.compliance.RenewalDependency;
import jp.hoshimi.compliance.RenewalMonth;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue 20: the supplier check with a planned period, and the renewal outlook (demo data, 2026-12-01). */
class CoverageCheckAndOutlookViewTest extends KaribuTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Autowired
    RequestService requests;

    @Autowired
    DSLContext dsl;

    @Test
    void the_supplier_check_answers_for_the_whole_planned_period() {
        signInAsUser("procurement");
        UI.getCurrent().navigate(SupplierCheckView.class);
        SupplierCheckView view = _get(SupplierCheckView.class);
        view.level.setValue(RequiredLevel.STAR3);
        // S-10008 holds ★3 until 2027-06-30
        view.supplier.setValue(system.callAsSystem(() -> suppliers.list(new SupplierFilter("S-10008"), null, 0, 1))
                .get(0));

        view.periodStart.setValue(LocalDate.of(2027, 4, 1));
        view.periodEnd.setValue(LocalDate.of(2029, 3, 31));

        assertThat(_get(Paragraph.class, spec -> spec.withId("check-period")).getText())
                .isEqualTo("★3 は 2027-06-30 まで有効です。契約は 2029-03-31 まで続くため、更新が 2 回必要です" + "（2027-06-30, 2028-06-30 の後）。");

        view.periodEnd.setValue(LocalDate.of(2027, 6, 30));
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-period")).getText())
                .contains("更新は不要です");

        // an end before the start: said on the field, today's answer still shown
        view.periodEnd.setValue(LocalDate.of(2027, 3, 31));
        assertThat(view.periodEnd.isInvalid()).isTrue();
        assertThat(view.periodEnd.getErrorMessage()).isNotBlank();
        assertThat(_get(Paragraph.class, spec -> spec.withId("check-verdict")).getText())
                .startsWith("可：2027-06-30 まで");
    }

    @Test
    void the_outlook_shows_twelve_months_and_the_contracts_depending_on_a_months_registrations() {
        signInAsUser("risk");
        UI.getCurrent().navigate("renewals");
        RenewalOutlookView view = _get(RenewalOutlookView.class);

        assertThat(view.months.getListDataView().getItems().map(RenewalMonth::month))
                .hasSize(12)
                .startsWith(YearMonth.of(2026, 12));
        RenewalMonth busy = view.months
                .getListDataView()
                .getItems()
                .filter(m -> m.contracts() > 0)
                .findFirst()
                .orElseThrow();
        // the page opens on the first month with anything ending, and the URL can name another
        assertThat(_get(H3.class, spec -> spec.withId("renewal-month-title")).getText())
                .contains(busy.month().toString());
        assertThat(_size(view.dependencies)).isGreaterThanOrEqualTo((int) busy.contracts());
        for (int i = 0; i < _size(view.dependencies); i++) {
            RenewalDependency d = com.github.mvysny.kaributesting.v10.GridKt._get(view.dependencies, i);
            assertThat(YearMonth.from(d.validUntil())).isEqualTo(busy.month());
            assertThat(d.contractEnd() == null || d.contractEnd().isAfter(d.validUntil()))
                    .isTrue();
        }
        assertThat(view.dependencies.getColumnByKey("requestState")).isNotNull();

        UI.getCurrent().navigate("renewals", QueryParameters.fromString("month=2027-11"));
        assertThat(_get(H3.class, spec -> spec.withId("renewal-month-title")).getText())
                .contains("2027-11");
    }

    @Test
    void the_outlook_shows_the_open_request_to_a_supplier_whose_registration_ends() {
        signInAsUser("risk");
        UI.getCurrent().navigate("renewals");
        RenewalOutlookView view = _get(RenewalOutlookView.class);
        RenewalDependency first = com.github.mvysny.kaributesting.v10.GridKt._get(view.dependencies, 0);
        assertThat(((Span) view.requestState(first)).getText()).isEqualTo("—");

        long id = requests.create(requests.suggest(first.supplierId(), "ja"));
        try {
            UI.getCurrent()
                    .navigate("renewals", QueryParameters.fromString("month=" + YearMonth.from(first.validUntil())));
            RenewalOutlookView again = _get(RenewalOutlookView.class);
            RenewalDependency row = com.github.mvysny.kaributesting.v10.GridKt._get(again.dependencies, 0);
            Anchor state = (Anchor) again.requestState(row);

            assertThat(state.getHref()).isEqualTo("requests/" + id);
            assertThat(state.getText()).startsWith("下書き（期限 ");
        } finally {
            dsl.deleteFrom(SUPPLIER_REQUEST).where(SUPPLIER_REQUEST.ID.eq(id)).execute();
        }
    }
}
