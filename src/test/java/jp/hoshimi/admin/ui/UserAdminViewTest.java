package jp.hoshimi.admin.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.shared.identity.Role;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** 管理 → ユーザー and the own account page: who may open them, and what an administrator does there. */
class UserAdminViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeTestUsers() {
        dsl.deleteFrom(APP_USER)
                .where(APP_USER.USERNAME.startsWith("karibu14-"))
                .execute();
    }

    private boolean opens(String route, String viewClass) {
        UI.getCurrent().navigate(route);
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().stream()
                .anyMatch(target -> target.getClass().getName().startsWith(viewClass));
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void only_administrators_open_the_user_screen_and_every_role_opens_its_own_account(Role role) {
        signInAs(role);

        assertThat(opens("admin/users", "jp.hoshimi.admin.ui.UserAdminView")).isEqualTo(role == Role.ADMIN);
        assertThat(opens("account", "jp.hoshimi.security.ui.AccountView")).isTrue();
    }

    @Test
    void an_administrator_creates_a_user_sees_the_one_time_password_once_and_finds_the_user_by_filter() {
        signInAsUser("admin");
        UI.getCurrent().navigate(UserAdminView.class);
        UserAdminView view = _get(UserAdminView.class);

        _click(view.create);
        UserDialog dialog = _get(UserDialog.class);
        dialog.username.setValue("karibu14-ito");
        dialog.displayName.setValue("伊藤 一");
        dialog.roles.setValue(Set.of(Role.PROCUREMENT));
        OrgUnit logistics = dialog.units
                .getListDataView()
                .getItems()
                .filter(u -> u.code().equals("HMC-LOG"))
                .findFirst()
                .orElseThrow();
        dialog.units.setValue(Set.of(logistics));
        _click(dialog.save);

        String password =
                _get(TextField.class, spec -> spec.withId("one-time-password")).getValue();
        assertThat(password).hasSize(16);
        view.search.setValue("karibu14-ito");
        assertThat(_size(view.users)).isEqualTo(1);
        var row = _get(view.users, 0);
        assertThat(row.unitNames()).containsExactly("星見自動車 物流部");
        assertThat(row.active()).isTrue();
        assertThat(dsl.fetchValue(APP_USER.MUST_CHANGE_PASSWORD, APP_USER.USERNAME.eq("karibu14-ito")))
                .isTrue();
    }

    @Test
    void a_refused_save_keeps_the_dialog_open_with_the_problem_on_the_field() {
        signInAsUser("admin");
        UI.getCurrent().navigate(UserAdminView.class);
        _click(_get(UserAdminView.class).create);
        UserDialog dialog = _get(UserDialog.class);
        dialog.username.setValue("karibu14-nobody");
        dialog.displayName.setValue("No role");
        _click(dialog.save);

        assertThat(_find(UserDialog.class)).hasSize(1);
        assertThat(dialog.roles.isInvalid()).isTrue();
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("karibu14-nobody")))
                .isFalse();
    }
}
