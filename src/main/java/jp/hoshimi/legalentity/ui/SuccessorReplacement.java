package jp.hoshimi.legalentity.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import java.util.stream.Collectors;
import jp.hoshimi.legalentity.LegalEntityMatchService;
import jp.hoshimi.legalentity.LegalEntityMatchService.SuccessorOffer;
import jp.hoshimi.register.RegisterEntry;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;

/**
 * On the page of a supplier whose company was absorbed in a merger (issue 21): the offer to take the
 * successor's 法人番号, with what follows — the successor's name and register status, which the supplier's
 * contracts are judged by after the change. Shown to risk managers and procurement (in scope) only.
 */
public class SuccessorReplacement extends Composite<Div> {

    final Paragraph consequences = new Paragraph();
    final Button replace = new Button();

    public SuccessorReplacement(LegalEntityMatchService match, long supplierId, Runnable onReplaced) {
        Div root = getContent();
        root.setId("successor-replacement");
        root.addClassName("dashboard-section");
        Optional<SuccessorOffer> found;
        try {
            found = match.successorOffer(supplierId);
        } catch (NotFoundException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            root.setVisible(false);
            return;
        }
        SuccessorOffer offer = found.get();
        consequences.setId("successor-consequences");
        consequences.setText(describe(offer));
        replace.setId("successor-replace");
        replace.setText(getTranslation("legalEntity.successor.replace"));
        replace.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replace.setEnabled(offer.possible());
        replace.addClickListener(click -> confirm(match, offer, onReplaced));
        root.add(consequences, replace);
    }

    private String describe(SuccessorOffer offer) {
        String number = offer.merged().successorCorporateNumber();
        if (offer.successor() == null) {
            return getTranslation("legalEntity.successor.unknown", number);
        }
        if (offer.holder() != null) {
            return getTranslation(
                    "legalEntity.successor.held", number, offer.holder().name());
        }
        return getTranslation("legalEntity.successor.offer", offer.successor().name(), number, registerStatus(offer));
    }

    private String registerStatus(SuccessorOffer offer) {
        if (offer.successorRegister().isEmpty()) {
            return getTranslation("legalEntity.successor.notRegistered");
        }
        return offer.successorRegister().stream().map(this::entry).collect(Collectors.joining("; "));
    }

    private String entry(RegisterEntry e) {
        return getTranslation(
                "legalEntity.successor.registered",
                e.level(),
                e.status(),
                e.validUntil() == null ? "—" : jp.hoshimi.shared.ui.Formats.date(e.validUntil()));
    }

    private void confirm(LegalEntityMatchService match, SuccessorOffer offer, Runnable onReplaced) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("successor-confirm");
        dialog.setHeader(getTranslation("legalEntity.successor.confirm.title"));
        dialog.setText(getTranslation(
                "legalEntity.successor.confirm.text",
                offer.supplier().corporateNumber(),
                offer.successor().corporateNumber(),
                offer.successor().name(),
                registerStatus(offer)));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("legalEntity.successor.replace"));
        dialog.addConfirmListener(event -> {
            try {
                match.replaceWithSuccessor(
                        offer.supplier().id(), offer.supplier().version());
                Notifications.success(getTranslation(
                        "legalEntity.successor.done", offer.successor().name()));
                onReplaced.run();
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("legalEntity.match.stale"));
            } catch (ValidationException e) {
                Notifications.error(jp.hoshimi.shared.ui.Problems.describe(this, e));
            } catch (IllegalStateException e) {
                Notifications.error(
                        getTranslation(e.getMessage(), offer.merged().successorCorporateNumber(), ""));
            }
        });
        dialog.open();
    }
}
