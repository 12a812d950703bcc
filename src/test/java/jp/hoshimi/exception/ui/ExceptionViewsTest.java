package jp.hoshimi.exception.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.RISK_EXCEPTION;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.IntegerField;
import java.time.LocalDateTime;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.exception.ExceptionState;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exception screens (issue 20) with real services and database: a risk manager requests an exception
 * from the supplier page, cannot approve it himself, a second risk manager does; procurement of another
 * unit does not see it; the dashboard and the settings show their parts. Rolled back after each test.
 */
@Transactional
class ExceptionViewsTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    /** S-10024 (not registered) as the only supplier of HSK-2026-0045, with its finding in place. */
    private long notRegisteredSupplier() {
        long supplierId = system.callAsSystem(() -> suppliers.findByCode("S-10024"))
                .orElseThrow()
                .id();
        long contractId = ((Number) dsl.fetchValue("SELECT id FROM contract WHERE contract_number = 'HSK-2026-0045'"))
                .longValue();
        dsl.execute("DELETE FROM compliance_finding WHERE contract_id = ?", contractId);
        dsl.execute("""
                INSERT INTO compliance_finding (contract_id, supplier_id, tier, required_level, status, severity,
                    reason_code, status_since, evaluated_on, updated_at)
                VALUES (?, ?, 1, 'STAR4', 'MISSING', 2, 'NOT_REGISTERED', ?, CURRENT_DATE, ?)
                """, contractId, supplierId, LocalDateTime.now(), LocalDateTime.now());
        return supplierId;
    }

    private long requestAsRisk(long supplierId) {
        signInAsUser("risk");
        UI.getCurrent().navigate("suppliers/" + supplierId);
        _click(_get(Button.class, spec -> spec.withId("supplier-request-exception")));
        ExceptionRequestDialog dialog = _get(ExceptionRequestDialog.class);
        dialog.scope.setValue(dialog.scope
                .getListDataView()
                .getItems()
                .filter(s -> s.finding() != null && s.finding().contractNumber().equals("HSK-2026-0045"))
                .findFirst()
                .orElseThrow());
        dialog.justification.setValue("代替調達先の選定まで");
        dialog.measures.setValue("VPN 接続を監視し、月次で監査する");
        _click(dialog.submit);
        return dsl.select(RISK_EXCEPTION.ID)
                .from(RISK_EXCEPTION)
                .where(RISK_EXCEPTION.SUPPLIER_ID.eq(supplierId))
                .orderBy(RISK_EXCEPTION.ID.desc())
                .limit(1)
                .fetchOne(0, Long.class);
    }

    private String state(long id) {
        return dsl.fetchValue(
                        dsl.select(RISK_EXCEPTION.STATE).from(RISK_EXCEPTION).where(RISK_EXCEPTION.ID.eq(id)))
                .name();
    }

    private ExceptionDecisionDialog openDecision(String user, long id) {
        signInAsUser(user);
        UI.getCurrent().navigate("exceptions");
        ExceptionListView view = _get(ExceptionListView.class);
        for (int row = 0; row < _size(view.grid); row++) {
            if (_get(view.grid, row).id() == id) {
                _click((Button) _getCellComponent(view.grid, row, "action"));
                return _get(ExceptionDecisionDialog.class);
            }
        }
        throw new AssertionError("exception " + id + " not in the list of " + user);
    }

    @Test
    void the_requester_cannot_approve_on_the_screen_and_a_second_risk_manager_can() {
        long supplierId = notRegisteredSupplier();
        long id = requestAsRisk(supplierId);
        assertThat(state(id)).isEqualTo(ExceptionState.REQUESTED.name());
        assertThat(dsl.fetchValue("SELECT requested_by FROM risk_exception WHERE id = ?", id))
                .isEqualTo("risk");

        _click(openDecision("risk", id).approve);
        assertThat(state(id)).isEqualTo(ExceptionState.REQUESTED.name()); // four eyes: refused

        ExceptionDecisionDialog second = openDecision("risk2", id);
        second.note.setValue("代替措置を確認");
        _click(second.approve);
        assertThat(state(id)).isEqualTo(ExceptionState.APPROVED.name());
        assertThat(dsl.fetchValue("SELECT decided_by FROM risk_exception WHERE id = ?", id))
                .isEqualTo("risk2");
    }

    @Test
    void procurement_of_another_unit_does_not_see_the_exception_and_cannot_decide() {
        long id = requestAsRisk(notRegisteredSupplier());

        signInAsUser("procurement"); // 碧海 (HMC) units: HSK-2026-0045 is not theirs
        UI.getCurrent().navigate("exceptions");
        ExceptionListView view = _get(ExceptionListView.class);
        for (int row = 0; row < _size(view.grid); row++) {
            assertThat(_get(view.grid, row).id()).isNotEqualTo(id);
        }
        signInAsUser("procurement2"); // 星見精工 (HSK): sees it, but only risk managers decide
        UI.getCurrent().navigate("exceptions");
        view = _get(ExceptionListView.class);
        assertThat(_size(view.grid)).isPositive();
        for (int row = 0; row < _size(view.grid); row++) {
            assertThat(_getCellComponent(view.grid, row, "action").isVisible()).isFalse();
        }
    }

    @Test
    void the_dashboard_counts_accepted_apart_and_the_settings_hold_the_longest_exception() {
        signInAsUser("risk");
        UI.getCurrent().navigate("");
        Anchor accepted = _get(Anchor.class, spec -> spec.withId("kpi-accepted"));
        assertThat(accepted.getHref()).isEqualTo("contracts?status=ACCEPTED");

        UI.getCurrent().navigate("settings");
        assertThat(_get(IntegerField.class, spec -> spec.withId("exception-max-days"))
                        .getValue())
                .isEqualTo(180);
    }
}
