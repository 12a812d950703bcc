package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.GapType;
import jp.hoshimi.outreach.RequestFocus;
import jp.hoshimi.outreach.RequestForm;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.SupplierContact;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;

/**
 * Makes a request to a supplier where its gap is seen (the supplier page, the contract page, the findings and
 * contract lists, the supplier check): everything prefilled
 * from its gaps and the template; the user may change any of it, save a draft or send at once (issue 19).
 */
public class RequestDialog extends Dialog {

    private final RequestService requests;
    private final RequestForm suggested;
    private final RequestFocus focus;
    final ComboBox<SupplierContact> contact = new ComboBox<>();
    final TextField contactName = new TextField();
    final TextField contactEmail = new TextField();
    final ComboBox<GapType> gapType = new ComboBox<>();
    final ComboBox<StarLevel> level = new ComboBox<>();
    final DatePicker dueDate = new DatePicker();
    final RadioButtonGroup<String> language = new RadioButtonGroup<>();
    final TextArea message = new TextArea();
    final Button send = new Button();
    final Button draft = new Button();

    public RequestDialog(RequestService requests, ContactService contacts, long supplierId, String supplierName) {
        this(requests, contacts, supplierId, supplierName, RequestFocus.NONE);
    }

    /** Where the gap is seen: {@code focus} keeps the prefill to its contracts' gaps, or names the level. */
    public RequestDialog(
            RequestService requests,
            ContactService contacts,
            long supplierId,
            String supplierName,
            RequestFocus focus) {
        this.requests = requests;
        this.focus = focus;
        String lang = UI.getCurrent() != null
                        && "en".equals(UI.getCurrent().getLocale().getLanguage())
                ? "en"
                : "ja";
        this.suggested = requests.suggest(supplierId, focus, "ja");
        setId("request-dialog");
        setHeaderTitle(getTranslation("request.new.title", supplierName));
        setWidth("min(48rem, 100vw)");
        List<SupplierContact> known = contacts.contacts(supplierId);
        contact.setLabel(getTranslation("request.field.contact"));
        contact.setItems(known);
        contact.setItemLabelGenerator(c -> c.name() + (c.email() == null ? "" : " <" + c.email() + ">"));
        contact.setId("request-contact");
        contact.setVisible(!known.isEmpty());
        known.stream()
                .filter(c -> suggested.contactId() != null && c.id() == suggested.contactId())
                .findFirst()
                .ifPresent(contact::setValue);
        contact.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                contactName.setValue(e.getValue().name());
                contactEmail.setValue(
                        e.getValue().email() == null ? "" : e.getValue().email());
            }
        });
        contactName.setLabel(getTranslation("request.field.contactName"));
        contactName.setValue(nullToEmpty(suggested.contactName()));
        contactEmail.setLabel(getTranslation("request.field.contactEmail"));
        contactEmail.setValue(nullToEmpty(suggested.contactEmail()));
        contactEmail.setId("request-contact-email");
        gapType.setLabel(getTranslation("request.field.gapType"));
        gapType.setItems(GapType.values());
        gapType.setItemLabelGenerator(g -> getTranslation(g.messageKey()));
        gapType.setValue(suggested.gapType());
        level.setLabel(getTranslation("request.field.level"));
        level.setItems(Arrays.stream(StarLevel.values())
                .filter(l -> !l.isSecurityAction())
                .toList());
        level.setItemLabelGenerator(l -> getTranslation(l.messageKey()));
        level.setValue(suggested.requestedLevel());
        dueDate.setLabel(getTranslation("request.field.dueDate"));
        dueDate.setValue(suggested.dueDate());
        dueDate.setId("request-due-date");
        language.setLabel(getTranslation("request.field.language"));
        language.setItems("ja", "en");
        language.setItemLabelGenerator(l -> "ja".equals(l) ? "日本語" : "English");
        language.setValue("ja");
        language.addValueChangeListener(e -> refreshMessage(supplierId));
        message.setLabel(getTranslation("request.field.message"));
        message.setValue(nullToEmpty(suggested.message()));
        message.setMaxLength(4000);
        message.setHeight("18rem");
        message.setId("request-message");
        FormLayout form = new FormLayout(contact, contactName, contactEmail, gapType, level, dueDate, language);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32rem", 2));
        message.setWidthFull();
        add(form, contractsLine(), message);
        draft.setText(getTranslation("request.saveDraft"));
        draft.setId("request-save-draft");
        draft.addClickListener(click -> save(false));
        send.setText(getTranslation("request.send"));
        send.setId("request-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(click -> save(true));
        getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), draft, send);
        if ("en".equals(lang)) {
            language.setValue("en");
        }
    }

    private Span contractsLine() {
        Span line = new Span(getTranslation("request.field.contracts") + ": "
                + suggested.contractIds().size());
        line.addClassName("request-contracts-count");
        return line;
    }

    private void refreshMessage(long supplierId) {
        message.setValue(nullToEmpty(
                requests.suggest(supplierId, focus, language.getValue()).message()));
    }

    RequestForm form() {
        return new RequestForm(
                suggested.supplierId(),
                contact.getValue() == null ? null : contact.getValue().id(),
                contactName.getValue(),
                contactEmail.getValue(),
                gapType.getValue(),
                level.getValue(),
                dueDate.getValue(),
                language.getValue(),
                message.getValue(),
                suggested.contractIds());
    }

    void save(boolean andSend) {
        try {
            long id = andSend ? requests.createAndSend(form()) : requests.create(form());
            Notifications.success(getTranslation(andSend ? "request.sent" : "request.saved"));
            close();
            UI.getCurrent().navigate("requests/" + id);
        } catch (ValidationException e) {
            String rest = Problems.show(
                    this,
                    e,
                    Map.of(
                            "contactEmail", contactEmail,
                            "gapType", gapType,
                            "requestedLevel", level,
                            "dueDate", dueDate,
                            "message", message));
            if (!rest.isBlank()) {
                Notifications.error(rest);
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
