package jp.hoshimi.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import jp.hoshimi.security.sso.SsoProperties;
import jp.hoshimi.security.sso.SsoRefusal;

/**
 * Shown on the login page instead of the form when the provider signed someone in whom Hoshimi refuses: why,
 * which groups their token carried, and whom to ask. They have no session here.
 */
class SsoRefusalPanel extends Div {

    SsoRefusalPanel(SsoRefusal refusal, SsoProperties sso) {
        setId("sso-refusal");
        addClassName("sso-refusal");
        getElement().setAttribute("role", "alert");
        add(new H2(getTranslation("sso.refused.title")));
        if (refusal.reason() == SsoRefusal.Reason.DISABLED) {
            add(new Paragraph(getTranslation("sso.refused.disabled", refusal.name())));
        } else {
            add(new Paragraph(getTranslation("sso.refused.noRole", refusal.name(), sso.providerName())));
            add(claimValues(refusal, sso));
            add(new Paragraph(getTranslation("sso.refused.ask")));
        }
        Anchor back = new Anchor("login", getTranslation("sso.refused.back"));
        back.setRouterIgnore(true);
        add(back);
    }

    private Div claimValues(SsoRefusal refusal, SsoProperties sso) {
        Div values = new Div();
        values.setId("sso-refusal-groups");
        if (refusal.claimValues().isEmpty()) {
            values.add(new Paragraph(getTranslation("sso.refused.noGroups", sso.groupsClaim())));
            return values;
        }
        values.add(new Paragraph(getTranslation("sso.refused.groups", sso.groupsClaim())));
        UnorderedList list = new UnorderedList();
        refusal.claimValues().forEach(value -> list.add(new ListItem(value)));
        values.add(list);
        return values;
    }
}
