package jp.hoshimi.alert.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.tabs.TabSheet;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.alert.AlertPreferences;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.alert.ExpiredLinkEvents;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification centre and the bell, on the shared test database with its demo data. */
class AlertViewTest extends KaribuTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    AlertService alerts;

    @Autowired
    SystemAuthentication system;

    void expired(String contractNumber) {
        ExpiredLinkEvents.expire(dsl, dispatcher, system, contractNumber);
    }

    @Test
    void a_new_alert_rings_the_bell_and_reading_it_counts_down() {
        expired("HMC-2026-0001");
        signInAsUser("procurement");
        UI.getCurrent().navigate(AlertView.class);
        AlertView view = _get(AlertView.class);
        AlertBell bell = _get(AlertBell.class);
        int unread = alerts.unreadCount();

        assertThat(unread).isPositive();
        assertThat(bell.count.getText()).isEqualTo(unread > 99 ? "99+" : String.valueOf(unread));
        assertThat(bell.count.isVisible()).isTrue();
        assertThat(_get(view.notifications, 0).alert().kind()).isEqualTo(AlertKind.STATUS);
        assertThat(_get(view.notifications, 0).alert().contractNumber()).isEqualTo("HMC-2026-0001");

        var first = _get(view.notifications, 0);
        _clickItem(view.notifications, 0);
        assertThat(view.notifications.isDetailsVisible(first)).isTrue();
        assertThat(alerts.unreadCount()).isEqualTo(unread - 1);
        assertThat(bell.getElement().getAttribute("data-unread")).isEqualTo(String.valueOf(unread - 1));

        view.unreadOnly.setValue(true);
        assertThat(_size(view.notifications)).isEqualTo(unread - 1);
        _click(view.markAllRead);
        assertThat(_size(view.notifications)).isZero();
        assertThat(bell.count.isVisible()).isFalse();
    }

    @Test
    void preferences_are_kept_per_person() {
        signInAsUser("procurement2");
        UI.getCurrent().navigate(AlertView.class);
        AlertView view = _get(AlertView.class);
        _get(TabSheet.class).setSelectedIndex(1);
        assertThat(view.emailEnabled.getValue()).isTrue();

        view.dailyDigest.setValue(true);
        view.language.setValue(AlertPreferences.ENGLISH);
        _click(view.savePreferences);

        UI.getCurrent().navigate(AlertView.class);
        AlertView again = _get(AlertView.class);
        assertThat(again.dailyDigest.getValue()).isTrue();
        assertThat(again.language.getValue()).isEqualTo(AlertPreferences.ENGLISH);
        assertThat(again.mailMode.getText()).contains("開発用ビルド");
    }

    @Test
    void administrators_see_every_delivery_and_set_the_webhook_others_only_their_own_alerts() {
        expired("HSK-2026-0004");
        signInAsUser("admin");
        UI.getCurrent().navigate(AlertView.class);
        AlertView view = _get(AlertView.class);
        assertThat(_get(TabSheet.class).getTabCount()).isEqualTo(4);
        _get(TabSheet.class).setSelectedIndex(2);
        assertThat(_size(view.deliveries)).isPositive();
        assertThat(view.deliveryCounts.getText()).contains("送信済み");

        _get(TabSheet.class).setSelectedIndex(3);
        view.webhookUrl.setValue("not a url");
        view.webhookEnabled.setValue(true);
        _click(view.saveWebhook);
        assertThat(view.webhookUrl.isInvalid()).isTrue();
        view.webhookUrl.setValue("https://example.invalid/hook");
        view.webhookEnabled.setValue(false);
        _click(view.saveWebhook);
        assertThat(view.webhookUrl.isInvalid()).isFalse();
        assertThat(system.callAsSystem(alerts::webhook).url()).isEqualTo("https://example.invalid/hook");

        signInAsUser("auditor");
        UI.getCurrent().navigate(AlertView.class);
        assertThat(_get(TabSheet.class).getTabCount()).isEqualTo(2);
        assertThat(_find(AlertView.class).get(0).deliveries.isAttached()).isFalse();
    }
}
