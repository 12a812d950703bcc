package jp.hoshimi.dashboard.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.setup.SetupRoutes;
import jp.hoshimi.setup.SetupStep;
import jp.hoshimi.setup.ui.SetupChecklist;
import jp.hoshimi.shared.ui.EmptyState;

/**
 * What the dashboard says above its figures when there is something to do (issue 24): the set-up checklist
 * for an administrator until it is done, why no contracts are visible to someone in no unit, and that there
 * are no contracts yet instead of figures of zero.
 */
final class DashboardHints {

    private DashboardHints() {}

    static List<Component> of(Component view, List<SetupStep> setup, DataScope scope, boolean admin, long contracts) {
        List<Component> hints = new ArrayList<>();
        if (!setup.isEmpty() && !setup.stream().allMatch(SetupStep::done)) {
            hints.add(setupPanel(view, setup));
        }
        if (!scope.groupWide() && scope.unitIds().isEmpty()) {
            hints.add(
                    admin
                            ? new EmptyState(
                                    "no-unit-hint",
                                    view.getTranslation("dashboard.noUnit.admin"),
                                    SetupRoutes.ORGANISATION,
                                    "dashboard.noUnit.link")
                            : new EmptyState("no-unit-hint", view.getTranslation("dashboard.noUnit")));
        } else if (contracts == 0) {
            hints.add(new EmptyState(
                    "no-contracts",
                    view.getTranslation("dashboard.noContracts"),
                    "contracts",
                    "dashboard.noContracts.add",
                    "imports",
                    "dashboard.noContracts.import"));
        }
        return hints;
    }

    private static Div setupPanel(Component view, List<SetupStep> steps) {
        H3 title = new H3(view.getTranslation("setup.panel.title") + " — " + SetupChecklist.progress(view, steps));
        Anchor all = new Anchor(SetupRoutes.CHECKLIST, view.getTranslation("setup.panel.open"));
        Div panel = new Div(title, new SetupChecklist(steps), all);
        panel.setId("setup-panel");
        panel.addClassName("setup-panel");
        return panel;
    }
}
