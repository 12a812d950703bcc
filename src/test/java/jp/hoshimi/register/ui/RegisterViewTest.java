package jp.hoshimi.register.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.Query;
import java.time.Duration;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.register.RegisterService;
import jp.hoshimi.register.SyncRun;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The register screen and the supplier's register tab on the demo register (synced when the app started). */
class RegisterViewTest extends KaribuTest {

    @Autowired
    RegisterService register;

    @Autowired
    SupplierService suppliers;

    @Autowired
    jp.hoshimi.register.RegisterSyncService sync;

    @Autowired
    SystemAuthentication system;

    @Test
    void anyone_can_search_the_register_and_see_how_current_it_is() {
        signInAsUser("procurement");
        UI.getCurrent().navigate(RegisterView.class);
        RegisterView view = _get(RegisterView.class);

        assertThat(view.entries.getDataProvider().size(new Query<>())).isGreaterThan(50);
        view.search.setValue("4120041270230"); // 株式会社ミナト電装
        assertThat(view.entries.getGenericDataView().getItems().map(RegisterEntry::corporateNumber))
                .containsExactly("4120041270230");
        assertThat(view.freshness.getText()).contains("時点");
        assertThat(view.freshness.getElement().getAttribute("data-stale")).isEqualTo("false");
        assertThat(view.syncNow.isVisible()).isFalse();
    }

    @Test
    void an_administrator_syncs_now_and_sees_the_outcome() {
        signInAs(Role.ADMIN);
        UI.getCurrent().navigate(RegisterView.class);
        RegisterView view = _get(RegisterView.class);
        assertThat(view.syncNow.isVisible()).isTrue();

        view.startSync();
        long runId = view.runningSyncId();
        assertThat(view.progressBox.isVisible()).isTrue();
        SyncRun run = awaitEnd(runId);
        view.checkSync();

        assertThat(run.outcome()).isEqualTo(SyncRun.Outcome.NOT_MODIFIED); // same demo feed: 304
        assertThat(view.progressBox.isVisible()).isFalse();
        assertThat(view.runs.getDataProvider().size(new Query<>())).isGreaterThanOrEqualTo(2);
    }

    private SyncRun awaitEnd(long runId) {
        sync.await(runId, Duration.ofSeconds(60));
        return register.run(runId);
    }

    @Test
    void the_2022_case_remote_maintenance_provider_has_no_registration() {
        signInAsUser("risk");
        long id = system.callAsSystem(() -> suppliers.findByCode("S-10024"))
                .orElseThrow()
                .id();
        UI.getCurrent().navigate("suppliers/" + id);
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(4);

        RegisterHistory history = _get(RegisterHistory.class);
        assertThat(_get(
                                history,
                                com.vaadin.flow.component.html.Paragraph.class,
                                spec -> spec.withId("register-not-registered"))
                        .getText())
                .contains("6010046673841");
    }
}
