package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.router.RouteParameters;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SupplierEditingViewTest extends KaribuTest {

    @Autowired
    SupplierService suppliers;

    @Autowired
    DSLContext dsl;

    @Autowired
    SystemAuthentication system;

    @AfterEach
    void removeTestSuppliers() {
        dsl.deleteFrom(SUPPLIER).where(SUPPLIER.SUPPLIER_CODE.startsWith("KT-")).execute();
    }

    private long existingSupplier(String code, String name) {
        return system.callAsSystem(
                () -> suppliers.create(new SupplierForm(null, code, name, null, "JP", null, null, null, null)));
    }

    @Test
    void a_procurement_clerk_creates_a_supplier_from_the_list_and_lands_on_its_page() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate(SupplierListView.class);
        _click(_get(SupplierListView.class).create);

        SupplierEditor editor = _get(SupplierEditor.class);
        editor.name.setValue("株式会社カリブ工業");
        editor.corporateNumber.setValue("５１１１１０１０００００６");
        editor.supplierCode.setValue("KT-001");
        _click(editor.save);

        SupplierDetailView detail = _get(SupplierDetailView.class);
        assertThat(detail.supplier.name()).isEqualTo("株式会社カリブ工業");
        assertThat(detail.supplier.corporateNumber()).isEqualTo("5111101000006");
        assertThat(_find(SupplierEditor.class)).isEmpty();
    }

    @Test
    void problems_are_shown_on_their_fields_in_japanese_and_the_dialog_stays_open() {
        signInAs(Role.PROCUREMENT);
        UI.getCurrent().navigate(SupplierListView.class);
        _click(_get(SupplierListView.class).create);

        SupplierEditor editor = _get(SupplierEditor.class);
        editor.corporateNumber.setValue("2180301021008");
        _click(editor.save);

        assertThat(editor.name.isInvalid()).isTrue();
        assertThat(editor.name.getErrorMessage()).isEqualTo("必須項目です。");
        assertThat(editor.corporateNumber.isInvalid()).isTrue();
        assertThat(editor.corporateNumber.getErrorMessage()).contains("チェックデジット");
        assertThat(_find(SupplierEditor.class)).hasSize(1);
    }

    @Test
    void a_duplicate_corporate_number_names_the_existing_supplier() {
        long existing = existingSupplier("KT-010", "株式会社既存");
        system.runAsSystem(() -> suppliers.update(
                existing,
                0,
                new SupplierForm("7123456789012", "KT-010", "株式会社既存", null, "JP", null, null, null, null)));
        signInAs(Locale.ENGLISH, Role.RISK_MANAGER);
        UI.getCurrent().navigate(SupplierListView.class);
        _click(_get(SupplierListView.class).create);

        SupplierEditor editor = _get(SupplierEditor.class);
        editor.name.setValue("Another Co., Ltd.");
        editor.corporateNumber.setValue("7123456789012");
        _click(editor.save);

        assertThat(editor.corporateNumber.getErrorMessage())
                .isEqualTo("The corporate number 7123456789012 already belongs to the supplier \"株式会社既存\".");
    }

    @Test
    void saving_over_someone_elses_change_offers_a_reload_and_keeps_their_change() {
        long id = existingSupplier("KT-020", "株式会社同時編集");
        signInAs(Role.RISK_MANAGER);
        UI.getCurrent().navigate(SupplierDetailView.class, new RouteParameters("id", String.valueOf(id)));
        _click(_get(SupplierDetailView.class).edit);
        SupplierEditor editor = _get(SupplierEditor.class);

        // meanwhile a colleague renames it
        system.runAsSystem(() -> suppliers.update(
                id, 0, new SupplierForm(null, "KT-020", "株式会社同僚が変更", null, "JP", null, null, null, null)));
        editor.name.setValue("株式会社わたしの変更");
        _click(editor.save);

        ConfirmDialog conflict = _get(ConfirmDialog.class, spec -> spec.withId("concurrent-edit"));
        assertThat(conflict.isOpened()).isTrue();
        SupplierDetails stored = system.callAsSystem(() -> suppliers.find(id)).orElseThrow();
        assertThat(stored.name()).isEqualTo("株式会社同僚が変更");
    }

    @Test
    void the_detail_page_shows_the_change_history_in_words() {
        long id = existingSupplier("KT-030", "株式会社履歴");
        system.runAsSystem(() -> suppliers.update(
                id, 0, new SupplierForm(null, "KT-030", "株式会社履歴", null, "JP", "愛知県豊田市", null, null, null)));
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(SupplierDetailView.class, new RouteParameters("id", String.valueOf(id)));

        SupplierDetailView view = _get(SupplierDetailView.class);
        assertThat(view.history.getGenericDataView().getItems().count()).isEqualTo(2);
        assertThat(view.edit.isVisible()).isFalse();
        assertThat(view.delete.isVisible()).isFalse();
    }

    @Test
    void an_auditor_cannot_create_suppliers() {
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate(SupplierListView.class);

        assertThat(_get(SupplierListView.class).create.isVisible()).isFalse();
    }
}
