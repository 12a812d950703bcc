package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** Base of a view whose feature is still to be built: named from {@code nav.<feature>}, says what will come. */
public abstract class ComingSoonView extends VerticalLayout implements HasDynamicTitle {

    private final String feature;

    protected ComingSoonView(String feature) {
        this.feature = feature;
        add(new ComingSoon("nav." + feature, "comingSoon." + feature));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav." + feature) + " | Hoshimi";
    }
}
