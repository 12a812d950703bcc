package jp.hoshimi.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jp.hoshimi.security.AccountService;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.HoshimiUser;
import org.springframework.stereotype.Component;

/**
 * Before every navigation of a signed-in person: a deactivated account is signed out (this also catches
 * sessions on another node of a cluster), and a one-time password must be changed before anything else.
 */
@Component
class AccountGuard implements VaadinServiceInitListener {

    private final AccountService accounts;
    private final CurrentUser currentUser;

    AccountGuard(AccountService accounts, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == LoginView.class
                || currentUser.get().map(HoshimiUser::id).isEmpty()) {
            return;
        }
        if (!accounts.stillActive()) {
            currentUser.logout();
            return;
        }
        if (event.getNavigationTarget() != AccountView.class && accounts.mustChangePassword()) {
            event.rerouteTo(AccountView.class);
        }
    }
}
