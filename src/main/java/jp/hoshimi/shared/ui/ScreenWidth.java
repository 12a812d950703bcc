package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phone or wider, for what CSS cannot switch: which grid columns a list shows. The breakpoint is the
 * one of the theme's {@code @media (max-width: 640px)} rules. The width comes from the browser once per
 * UI and then from its resize events; until it is known a component keeps its wide form.
 */
public final class ScreenWidth {

    /** Narrower than this (CSS pixels) is a phone: one column of content. */
    public static final int NARROW_BELOW = 641;

    /** The UI's last known window width, kept on the UI. */
    private static final String WIDTH = ScreenWidth.class.getName() + ".width";

    private ScreenWidth() {}

    /**
     * Calls {@code apply} with {@code true} for a narrow window and {@code false} for a wide one, as soon as
     * the width is known after {@code component} is attached and again whenever the window crosses the
     * breakpoint, while it stays attached.
     */
    public static void track(Component component, Consumer<Boolean> apply) {
        component.addAttachListener(attach -> {
            UI ui = attach.getUI();
            Switch state = new Switch(apply);
            Integer known = ComponentUtil.getData(ui, WIDTH) instanceof Integer w ? w : null;
            if (known != null) {
                state.width(known);
            } else {
                ui.getPage().retrieveExtendedClientDetails(details -> {
                    remember(ui, details.getWindowInnerWidth());
                    state.width(details.getWindowInnerWidth());
                });
            }
            Registration resize = ui.getPage().addBrowserWindowResizeListener(event -> {
                remember(ui, event.getWidth());
                state.width(event.getWidth());
            });
            component.addDetachListener(detach -> {
                resize.remove();
                detach.unregisterListener();
            });
        });
    }

    /**
     * A list on a phone: shows the {@code narrowOnly} columns (a compact renderer of the key column) and
     * hides the {@code wideOnly} ones (the secondary columns), and the other way round on a wider screen.
     */
    public static <T> void switchColumns(Grid<T> grid, List<Grid.Column<T>> narrowOnly, List<Grid.Column<T>> wideOnly) {
        narrowOnly.forEach(column -> column.setVisible(false));
        track(grid, narrow -> {
            // a view that rebuilds its grid's columns leaves the old ones here: they are skipped
            List<Grid.Column<T>> current = grid.getColumns();
            narrowOnly.stream().filter(current::contains).forEach(column -> column.setVisible(narrow));
            wideOnly.stream().filter(current::contains).forEach(column -> column.setVisible(!narrow));
            grid.getElement().setAttribute("data-narrow", String.valueOf(narrow));
        });
    }

    private static void remember(UI ui, int width) {
        ComponentUtil.setData(ui, WIDTH, width);
    }

    /** Calls its consumer only when the answer changes. */
    private static final class Switch {
        private final Consumer<Boolean> apply;
        private Boolean narrow;

        Switch(Consumer<Boolean> apply) {
            this.apply = apply;
        }

        void width(int width) {
            boolean now = width > 0 && width < NARROW_BELOW;
            if (narrow == null || narrow != now) {
                narrow = now;
                apply.accept(now);
            }
        }
    }
}
