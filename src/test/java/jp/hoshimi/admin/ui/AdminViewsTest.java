package jp.hoshimi.admin.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.API_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.security.ApiTokenService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminViewsTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeTestTokens() {
        dsl.deleteFrom(API_TOKEN).where(API_TOKEN.NAME.startsWith("karibu-")).execute();
    }

    @Test
    void an_administrator_creates_a_token_sees_its_value_once_and_it_works() {
        signInAsUser("admin");
        UI.getCurrent().navigate(AdminView.class);
        AdminView view = _get(AdminView.class);
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(1);
        int before = _size(view.tokens);

        _click(view.createToken);
        _get(TextField.class, spec -> spec.withId("token-name")).setValue("karibu-erp");
        _click(_get(Button.class, spec -> spec.withId("token-create-confirm")));

        String value = _get(TextArea.class, spec -> spec.withId("token-value")).getValue();
        assertThat(value).startsWith("hsm_").hasSizeGreaterThan(40);
        assertThat(_size(view.tokens)).isEqualTo(before + 1);
        assertThat(tokens.authenticate(value))
                .hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("karibu-erp"));
        // only the hash is stored
        assertThat(dsl.fetchExists(API_TOKEN, API_TOKEN.TOKEN_HASH.eq(value))).isFalse();
    }

    @Test
    void the_organisation_tab_shows_the_unit_tree_and_each_users_scope() {
        signInAsUser("admin");
        UI.getCurrent().navigate(AdminView.class);
        OrganisationTab tab = _get(OrganisationTab.class);

        var tree = tab.units.getTreeData();
        assertThat(tree.getRootItems())
                .extracting(jp.hoshimi.organisation.OrgUnit::name)
                .containsExactly("星見自動車株式会社", "星見精工株式会社");
        assertThat(tree.getChildren(tree.getRootItems().get(0))).hasSize(3);
        var procurement = tab.members
                .getGenericDataView()
                .getItems()
                .filter(m -> m.username().equals("procurement"))
                .findFirst()
                .orElseThrow();
        assertThat(procurement.unitIds()).hasSize(2);
        assertThat(procurement.groupWide()).isFalse();
    }
}
