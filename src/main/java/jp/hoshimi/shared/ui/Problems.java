package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.ScrollOptions;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;

/**
 * Shows a service's validation problems on the fields they belong to, in the user's language; says at the
 * top of the form that it was not saved, and takes the user to the first field to fix (on a phone it is
 * usually below the fold).
 */
public final class Problems {

    /** The class of the "not saved" message at the top of a form. */
    public static final String BANNER = "form-problems";

    private Problems() {}

    /** Marks the fields named in the exception; returns the text of problems that have no field here. */
    public static String show(
            Component context, ValidationException exception, Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(field -> field.setInvalid(false));
        Set<Component> marked = new HashSet<>();
        StringBuilder unplaced = new StringBuilder();
        for (FieldProblem problem : exception.problems()) {
            String text = context.getTranslation(
                    problem.messageKey(), problem.arguments().toArray());
            HasValidation field = fields.get(problem.field());
            if (field != null) {
                field.setErrorMessage(text);
                field.setInvalid(true);
                if (field instanceof Component component) {
                    marked.add(component);
                }
            } else {
                unplaced.append(text).append(' ');
            }
        }
        Component form = formOf(context, marked);
        clear(form);
        if (!marked.isEmpty()) {
            announce(form, marked.size());
            firstInDocumentOrder(form, marked)
                    .or(() -> marked.stream().findFirst())
                    .ifPresent(Problems::bringIntoView);
        }
        return unplaced.toString().strip();
    }

    /** Removes the "not saved" message, e.g. after a successful save of a form that stays open. */
    public static void clear(Component form) {
        form.getChildren().filter(child -> child.hasClassName(BANNER)).toList().forEach(Component::removeFromParent);
    }

    public static String describe(Component context, ValidationException exception) {
        return exception.problems().stream()
                .map(p -> context.getTranslation(p.messageKey(), p.arguments().toArray()))
                .collect(Collectors.joining(" "));
    }

    /** The dialog that holds the fields, if they are in one (a view may pass itself for its dialog's fields). */
    private static Component formOf(Component context, Set<Component> marked) {
        return marked.stream()
                .flatMap(field -> Stream.iterate(field, c -> c.getParent().orElse(null))
                        .takeWhile(c -> c != null)
                        .filter(Dialog.class::isInstance)
                        .findFirst()
                        .stream())
                .findFirst()
                .orElse(context);
    }

    private static void announce(Component form, int fieldCount) {
        if (!(form instanceof HasComponents container)) {
            return;
        }
        Span text = new Span(form.getTranslation("form.problems", fieldCount));
        Div banner = new Div(VaadinIcon.EXCLAMATION_CIRCLE.create(), text);
        banner.addClassName(BANNER);
        banner.setId(BANNER);
        banner.getElement().setAttribute("role", "alert");
        container.addComponentAsFirst(banner);
    }

    private static Optional<Component> firstInDocumentOrder(Component root, Set<Component> marked) {
        if (marked.contains(root)) {
            return Optional.of(root);
        }
        return root.getChildren()
                .map(child -> firstInDocumentOrder(child, marked))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static void bringIntoView(Component field) {
        if (field instanceof Focusable<?> focusable) {
            focusable.focus();
        }
        // after the focus, which scrolls only as far as it must: the field and its message in the middle
        field.scrollIntoView(new ScrollOptions(
                ScrollOptions.Behavior.AUTO, ScrollOptions.Alignment.CENTER, ScrollOptions.Alignment.NEAREST));
    }
}
