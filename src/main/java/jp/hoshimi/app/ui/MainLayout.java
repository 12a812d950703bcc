package jp.hoshimi.app.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import jakarta.annotation.security.PermitAll;
import java.util.stream.Collectors;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.ui.HeaderContribution;
import jp.hoshimi.shared.ui.LanguageSwitch;

/**
 * The frame around every signed-in view: side navigation built from the views' {@code @Menu}
 * annotations (only the views the user may open), and a header with the user, language and logout.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final java.util.List<HeaderContribution> contributions;

    public MainLayout(CurrentUser currentUser, java.util.List<HeaderContribution> contributions) {
        this.contributions = contributions;
        setPrimarySection(Section.DRAWER);
        addToDrawer(brand(), navigation(), drawerUser(currentUser));
        // the header stays on top on a phone too (touch-optimised would move it to the bottom); the theme
        // makes it compact there: who is signed in moves into the drawer, logout keeps its icon
        DrawerToggle toggle = new DrawerToggle();
        toggle.setId("drawer-toggle");
        addToNavbar(toggle, header(currentUser));
    }

    private Component brand() {
        Span star = new Span("★");
        star.addClassName("brand-star");
        Span name = new Span(getTranslation("app.name"));
        name.addClassName("brand-name");
        Span tagline = new Span(getTranslation("app.tagline"));
        tagline.addClassName("brand-tagline");
        Div brand = new Div(star, new Div(name, tagline));
        brand.addClassName("brand");
        return brand;
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addClassName("main-nav");
        MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(navItem(entry)));
        return nav;
    }

    private SideNavItem navItem(MenuEntry entry) {
        SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
        if (entry.icon() != null) {
            item.setPrefixComponent(new Icon(entry.icon()));
        }
        return item;
    }

    private Component header(CurrentUser currentUser) {
        Div who = who(currentUser);
        who.addClassName("header-who");
        who.getChildren().findFirst().ifPresent(user -> user.setId("current-user"));
        Button logout = new Button(
                getTranslation("header.logout"), VaadinIcon.SIGN_OUT.create(), click -> currentUser.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        // on a phone the theme shows only the icon
        logout.setAriaLabel(getTranslation("header.logout"));

        // the own account page (password, language, sessions): issue 14
        Button account = new Button(VaadinIcon.USER.create(), click -> getUI().ifPresent(ui -> ui.navigate("account")));
        account.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        account.setId("account");
        account.setAriaLabel(getTranslation("account.title"));
        account.setTooltipText(getTranslation("account.title"));

        HorizontalLayout header = new HorizontalLayout(who, new LanguageSwitch(), account, logout);
        header.addClassName("app-header");
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        Div spacer = new Div();
        HorizontalLayout bar = new HorizontalLayout(spacer);
        contributions.forEach(contribution -> bar.add(contribution.create()));
        bar.add(header);
        bar.setFlexGrow(1, spacer);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.addClassName("app-bar");
        return bar;
    }

    /** On a phone the header has no room for the name: the drawer shows it (the theme hides it elsewhere). */
    private Component drawerUser(CurrentUser currentUser) {
        Div who = who(currentUser);
        who.addClassName("drawer-who");
        return who;
    }

    private Div who(CurrentUser currentUser) {
        Span user = new Span(currentUser.displayName());
        user.addClassName("header-user");
        Span roles = new Span(currentUser
                .get()
                .map(HoshimiUser::roles)
                .map(set -> set.stream()
                        .map(role -> getTranslation(role.messageKey()))
                        .sorted()
                        .collect(Collectors.joining(" · ")))
                .orElse(""));
        roles.addClassName("header-roles");
        return new Div(user, roles);
    }
}
