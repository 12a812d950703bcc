package jp.hoshimi.settings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static jp.hoshimi.db.Tables.SETTING;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.settings.SettingsService;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SettingsViewTest extends KaribuTest {

    @Autowired
    SettingsService settings;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void restoreDefaults() {
        dsl.deleteFrom(SETTING).execute();
    }

    @Test
    void a_risk_manager_changes_lead_times_and_the_rule() {
        signInAsUser("risk");
        UI.getCurrent().navigate(SettingsView.class);
        SettingsView view = _get(SettingsView.class);
        assertThat(view.leadTimes.get(StarLevel.STAR4).getValue()).isEqualTo("180, 90, 30");

        view.leadTimes.get(StarLevel.STAR3).setValue("６０、14, 7"); // full-width digits and 、 as typed in Japanese
        view.subcontractorPolicy.setValue(SubcontractorPolicy.SAME_FOR_ALL_TIERS);
        _click(view.save);

        var saved = system.callAsSystem(() -> settings.policy());
        assertThat(saved.leadTimeDays().get(StarLevel.STAR3)).containsExactly(60, 14, 7);
        assertThat(saved.subcontractorPolicy()).isEqualTo(SubcontractorPolicy.SAME_FOR_ALL_TIERS);
    }

    @Test
    void unreadable_lead_times_are_marked_on_their_field_and_nothing_is_saved() {
        signInAsUser("admin");
        UI.getCurrent().navigate(SettingsView.class);
        SettingsView view = _get(SettingsView.class);

        view.leadTimes.get(StarLevel.STAR4).setValue("180日, 90");
        view.stalenessHours.setValue(0);
        _click(view.save);

        assertThat(view.leadTimes.get(StarLevel.STAR4).isInvalid()).isTrue();
        assertThat(view.leadTimes.get(StarLevel.STAR4).getErrorMessage()).contains("整数");
        assertThat(dsl.fetchCount(SETTING)).isZero();
    }

    @Test
    void an_auditor_sees_the_settings_read_only_with_no_save() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(SettingsView.class);
        SettingsView view = _get(SettingsView.class);

        assertThat(view.save.isVisible()).isFalse();
        assertThat(view.leadTimes.get(StarLevel.STAR4).getValue()).isEqualTo("180, 90, 30");
        assertThat(view.leadTimes.values()).allMatch(field -> field.isReadOnly());
        assertThat(view.subcontractorPolicy.isReadOnly()).isTrue();
        assertThat(view.stalenessHours.isReadOnly()).isTrue();
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("settings-intro"))
                        .getText())
                .contains("監査担当");
    }

    @Test
    void security_action_levels_have_no_lead_time_inputs_and_stay_empty_on_save() {
        signInAsUser("risk");
        UI.getCurrent().navigate(SettingsView.class);
        SettingsView view = _get(SettingsView.class);

        assertThat(view.leadTimes).containsOnlyKeys(StarLevel.STAR3, StarLevel.STAR4, StarLevel.STAR5);
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(
                        com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("lead-time-SA1")))
                .isEmpty();
        _click(view.save);
        var saved = system.callAsSystem(() -> settings.policy());
        assertThat(saved.leadTimeDays().get(StarLevel.SA1)).isEmpty();
        assertThat(saved.leadTimeDays().get(StarLevel.SA2)).isEmpty();
        assertThat(saved.leadTimeDays().get(StarLevel.STAR4)).containsExactly(180, 90, 30);
    }
}
