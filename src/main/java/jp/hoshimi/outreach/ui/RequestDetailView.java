package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;
import java.util.function.Consumer;
import jp.hoshimi.outreach.RequestAnswer;
import jp.hoshimi.outreach.RequestDetails;
import jp.hoshimi.outreach.RequestEvent;
import jp.hoshimi.outreach.RequestService;
import jp.hoshimi.outreach.RequestState;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.CurrentUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Formats;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/** One request: what was asked, of whom, by when; the supplier's answers; the timeline; the actions. */
@Route("requests/:id([0-9]+)")
@RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
class RequestDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final RequestService requests;
    private final CurrentUser currentUser;
    RequestDetails request;
    final Grid<RequestAnswer> answers = new Grid<>();
    final Grid<RequestEvent> timeline = new Grid<>();
    final TextField note = new TextField();
    final TextArea messageEditor = new TextArea();

    RequestDetailView(RequestService requests, CurrentUser currentUser) {
        this.requests = requests;
        this.currentUser = currentUser;
        addClassName("request-detail-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<RequestDetails> found =
                event.getRouteParameters().getLong("id").flatMap(requests::find);
        if (found.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        show(found.get());
    }

    void show(RequestDetails r) {
        this.request = r;
        removeAll();
        add(new Anchor("requests", "← " + getTranslation("request.list.title")));
        add(new ViewToolbar(getTranslation("request.new.title", r.supplierName()), actions(r)));
        Div grid = new Div();
        grid.addClassName("detail-grid");
        grid.setId("request-facts");
        field(
                grid,
                "request.column.state",
                getTranslation(r.state().messageKey())
                        + (r.overdue() ? " · " + getTranslation("request.overdue") : ""));
        field(grid, "request.column.supplier", r.supplierName());
        field(grid, "request.field.gapType", getTranslation(r.gapType().messageKey()));
        field(grid, "request.field.level", r.requestedLevel().label());
        field(grid, "request.field.dueDate", Formats.date(r.dueDate()));
        field(grid, "request.field.plannedDate", r.plannedDate() == null ? null : Formats.date(r.plannedDate()));
        field(grid, "request.field.contactName", r.contactName());
        field(grid, "request.field.contactEmail", r.contactEmail());
        field(grid, "request.column.owner", r.ownerName());
        field(
                grid,
                "request.field.contracts",
                String.join(
                        ", ",
                        r.contracts().stream().map(c -> c.contractNumber()).toList()));
        field(grid, "request.field.note", TimelineText.closeNote(this, r.closeNote()));
        Component message = messageOf(r);
        add(
                grid,
                new H3(getTranslation("request.detail.answers")),
                answersGrid(r),
                new H3(getTranslation("request.detail.timeline")),
                timelineGrid(r),
                new H3(getTranslation("request.field.message")),
                message);
    }

    /** The message as sent; a draft's message stays editable for its makers until it is sent. */
    private Component messageOf(RequestDetails r) {
        if (!(maker() && r.state() == RequestState.DRAFT)) {
            Pre message = new Pre(r.message());
            message.addClassName("request-message");
            message.getStyle().set("white-space", "pre-wrap");
            return message;
        }
        messageEditor.setValue(r.message());
        messageEditor.setMaxLength(4000);
        messageEditor.setWidthFull();
        messageEditor.setMinHeight("16rem");
        messageEditor.setId("request-message-editor");
        messageEditor.setInvalid(false);
        Button saveMessage = new Button(getTranslation("request.message.save"), click -> {
            try {
                requests.editMessage(request.id(), request.version(), messageEditor.getValue());
                Notifications.success(getTranslation("request.message.saved"));
                requests.find(request.id()).ifPresent(this::show);
            } catch (ValidationException e) {
                String rest = Problems.show(this, e, java.util.Map.of("message", messageEditor));
                if (!rest.isBlank()) {
                    Notifications.error(rest);
                }
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
            }
        });
        saveMessage.setId("request-message-save");
        return new VerticalLayout(messageEditor, saveMessage);
    }

    private boolean maker() {
        return currentUser.hasRole(Role.PROCUREMENT)
                || currentUser.hasRole(Role.RISK_MANAGER)
                || currentUser.hasRole(Role.ADMIN);
    }

    private Component[] actions(RequestDetails r) {
        boolean maker = maker();
        note.setPlaceholder(getTranslation("request.field.note"));
        note.setId("request-note");
        note.setVisible(maker && (r.state().open() || r.state() == RequestState.DRAFT));
        Button send = action("request-send-now", "request.send", id -> {
            int version = r.version();
            // an edited but unsaved message is what the user means to send
            if (r.state() == RequestState.DRAFT && !messageEditor.getValue().equals(r.message())) {
                requests.editMessage(id, version, messageEditor.getValue());
                version++;
            }
            requests.send(id, version);
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.setVisible(maker && r.state() == RequestState.DRAFT);
        Button close = action("request-close", "request.close", id -> requests.close(id, r.version(), note.getValue()));
        close.setVisible(maker && r.state().open());
        Button withdraw = action(
                "request-withdraw", "request.withdraw", id -> requests.withdraw(id, r.version(), note.getValue()));
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        withdraw.setVisible(maker && r.state().canMoveTo(RequestState.WITHDRAWN));
        Button revoke = action("request-revoke", "request.revoke", requests::revokeLinks);
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        revoke.setVisible(maker && r.state().open());
        return new Component[] {note, send, close, withdraw, revoke};
    }

    private Button action(String id, String key, Consumer<Long> work) {
        Button button = new Button(getTranslation(key));
        button.setId(id);
        button.addClickListener(click -> {
            try {
                work.accept(request.id());
                Notifications.success(getTranslation(key));
            } catch (ValidationException e) {
                Notifications.error(Problems.describe(this, e));
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
            }
            requests.find(request.id()).ifPresent(this::show);
        });
        return button;
    }

    private Grid<RequestAnswer> answersGrid(RequestDetails r) {
        answers.removeAllColumns();
        answers.setId("request-answers");
        answers.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        answers.addColumn(a -> Formats.dateTime(a.answeredAt()))
                .setHeader(getTranslation("alert.devMail.when"))
                .setAutoWidth(true);
        answers.addColumn(a -> getTranslation(a.kind().messageKey()))
                .setHeader(getTranslation("reply.kind"))
                .setAutoWidth(true);
        answers.addColumn(a -> (a.plannedLevel() == null ? "" : a.plannedLevel().label() + " ")
                        + (a.plannedDate() == null ? "" : Formats.date(a.plannedDate())))
                .setHeader(getTranslation("request.field.plannedDate"))
                .setAutoWidth(true);
        answers.addColumn(a -> a.corporateNumber() == null ? "" : a.corporateNumber())
                .setHeader(getTranslation("reply.corporateNumber"));
        answers.addColumn(a -> a.comment() == null ? "" : a.comment())
                .setHeader(getTranslation("reply.comment"))
                .setFlexGrow(3);
        answers.setItems(r.answers());
        answers.setAllRowsVisible(true);
        answers.setEmptyStateText(getTranslation("request.detail.answers.none"));
        return answers;
    }

    private Grid<RequestEvent> timelineGrid(RequestDetails r) {
        timeline.removeAllColumns();
        timeline.setId("request-timeline");
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        timeline.addColumn(e -> Formats.dateTime(e.occurredAt()))
                .setHeader(getTranslation("request.timeline.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(e -> TimelineText.who(this, e))
                .setHeader(getTranslation("request.timeline.who"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        timeline.addColumn(e -> TimelineText.what(this, e))
                .setHeader(getTranslation("request.timeline.what"))
                .setFlexGrow(3);
        timeline.setItems(r.timeline());
        timeline.setAllRowsVisible(true);
        return timeline;
    }

    private void field(Div grid, String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("detail-label");
        Span text = new Span(value == null || value.isBlank() ? "—" : value);
        text.addClassName("detail-value");
        grid.add(label, text);
    }

    @Override
    public String getPageTitle() {
        return (request == null ? getTranslation("nav.requests") : request.supplierName()) + " | Hoshimi";
    }
}
