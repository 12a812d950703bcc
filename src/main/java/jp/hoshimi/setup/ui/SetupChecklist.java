package jp.hoshimi.setup.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import jp.hoshimi.setup.SetupStep;

/** The set-up steps as a list: each with done / to do, what was found, what to do and a link to do it. */
public class SetupChecklist extends Div {

    public SetupChecklist(List<SetupStep> steps) {
        addClassName("setup-checklist");
        setId("setup-checklist");
        steps.forEach(step -> add(row(step)));
    }

    private Div row(SetupStep step) {
        Icon icon = (step.done() ? VaadinIcon.CHECK_CIRCLE : VaadinIcon.CIRCLE_THIN).create();
        icon.addClassName("setup-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        Span state = new Span(getTranslation(step.done() ? "setup.state.done" : "setup.state.todo"));
        state.getElement().getThemeList().add(step.done() ? "badge success" : "badge contrast");
        state.addClassName("setup-state");
        Span title = new Span(getTranslation(step.titleKey()));
        title.addClassName("setup-title");
        Span found = new Span(getTranslation(
                "setup.found",
                getTranslation(step.foundKey(), step.foundArguments().toArray())));
        found.addClassName("setup-found");
        // the parts are lines of their own on the screen; spaces keep them apart where text is read without
        // the styles (a screen reader, a copy, a test reading textContent): not "組織組織 0 件"
        Div text = new Div(title, new Text(" "), found);
        text.addClassName("setup-text");
        if (!step.done()) {
            Span todo = new Span(getTranslation(step.todoKey()));
            todo.addClassName("setup-todo");
            text.add(new Text(" "), todo);
        }
        Anchor link = new Anchor(step.route(), getTranslation(step.done() ? "setup.link.open" : "setup.link.do"));
        link.addClassName("setup-link");
        Div row = new Div(icon, state, text, link);
        row.addClassName("setup-step");
        row.addClassName(step.done() ? "is-done" : "is-todo");
        row.setId("setup-step-" + step.id());
        row.getElement().setAttribute("data-done", String.valueOf(step.done()));
        return row;
    }

    /** "3 of 7 steps done". */
    public static String progress(com.vaadin.flow.component.Component component, List<SetupStep> steps) {
        long done = steps.stream().filter(SetupStep::done).count();
        return component.getTranslation("setup.progress", done, steps.size());
    }
}
