package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.exception.ExceptionService;
import jp.hoshimi.exception.ui.ExceptionRequestDialog;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.RequestFocus;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import org.springframework.stereotype.Component;

/**
 * The two remediation actions where a finding is seen (issue 19, issue 20): ask the supplier for the level
 * (the request dialog, prefilled from the finding's contract) and request an exception for the finding (the
 * exception dialog, preselected on it). The buttons show only for the roles the services allow; the services
 * check the role and the scope again.
 */
@Component
public class FindingActions {

    private final RequestService requests;
    private final ContactService contacts;
    private final ExceptionService exceptions;
    private final CurrentUser currentUser;

    FindingActions(
            RequestService requests, ContactService contacts, ExceptionService exceptions, CurrentUser currentUser) {
        this.requests = requests;
        this.contacts = contacts;
        this.exceptions = exceptions;
        this.currentUser = currentUser;
    }

    /** Procurement, risk managers and administrators make requests (RequestService). */
    public boolean mayAsk() {
        return currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN);
    }

    /** Procurement and risk managers request exceptions (ExceptionService). */
    public boolean mayRequestException() {
        return currentUser.hasRole(Role.PROCUREMENT) || currentUser.hasRole(Role.RISK_MANAGER);
    }

    /** Whether a finding of this status offers a request: anything short of OK. */
    public static boolean askable(ComplianceStatus status) {
        return status != null && status != ComplianceStatus.OK;
    }

    /** Whether a finding of this status offers an exception: a failing one, not accepted already. */
    public static boolean acceptable(ComplianceStatus status) {
        return status != null && status.isFailing();
    }

    /** "Ask the supplier" for a supplier, prefilled as {@code focus} says. */
    public Button ask(long supplierId, String supplierName, RequestFocus focus) {
        Button button = new Button();
        button.setText(button.getTranslation("request.new"));
        button.setIcon(VaadinIcon.ENVELOPE_O.create());
        button.addClassName("finding-ask");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(click -> new RequestDialog(requests, contacts, supplierId, supplierName, focus).open());
        return button;
    }

    /** "Request an exception" for a finding, read when clicked (it may have changed since the list was shown). */
    public Button exception(Supplier<Optional<Finding>> finding, Runnable done) {
        Button button = new Button();
        button.setText(button.getTranslation("exception.request.button"));
        button.setIcon(VaadinIcon.HANDSHAKE.create());
        button.addClassName("finding-exception");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(click -> finding.get()
                .filter(f -> acceptable(f.status()))
                .ifPresentOrElse(
                        f -> new ExceptionRequestDialog(exceptions, f.supplierId(), f.supplierName(), List.of(f), done)
                                .open(),
                        () -> Notifications.error(button.getTranslation("worklist.exception.gone"))));
        return button;
    }

    /**
     * A contract list row's "ask": the chain's suppliers with a gap, read when clicked; one opens the request
     * dialog at once, several are offered to choose from (with their exception action).
     */
    public Button askForContract(Supplier<List<Finding>> links, Runnable done) {
        Button button = new Button();
        button.setText(button.getTranslation("request.new"));
        button.setIcon(VaadinIcon.ENVELOPE_O.create());
        button.addClassName("contract-ask");
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.addClickListener(click -> {
            List<Finding> gaps =
                    links.get().stream().filter(f -> askable(f.status())).toList();
            if (gaps.isEmpty()) {
                Notifications.error(button.getTranslation("worklist.exception.gone"));
            } else if (gaps.size() == 1) {
                Finding f = gaps.get(0);
                new RequestDialog(
                                requests,
                                contacts,
                                f.supplierId(),
                                f.supplierName(),
                                RequestFocus.contract(f.contractId()))
                        .open();
            } else {
                Dialog choose = new Dialog();
                choose.setId("contract-ask-choose");
                choose.setHeaderTitle(button.getTranslation(
                        "worklist.chain.choose", gaps.get(0).contractNumber()));
                choose.add(ChainActionsSection.of(this, gaps, done));
                choose.getFooter().add(new Button(button.getTranslation("action.close"), e -> choose.close()));
                choose.setWidth("min(52rem, 95vw)");
                choose.open();
            }
        });
        return button;
    }

    /** A button in a grid row whose click opens the row: the button's click stays with the button. */
    public static Button inGrid(Button button) {
        button.getElement().addEventListener("click", e -> {}).addEventData("event.stopPropagation()");
        return button;
    }
}
