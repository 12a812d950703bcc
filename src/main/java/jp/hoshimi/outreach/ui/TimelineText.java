package jp.hoshimi.outreach.ui;

import com.vaadin.flow.component.Component;
import jp.hoshimi.outreach.AnswerKind;
import jp.hoshimi.outreach.RequestAnswers;
import jp.hoshimi.outreach.RequestAutomation;
import jp.hoshimi.outreach.RequestEvent;
import jp.hoshimi.shared.identity.SystemAuthentication;

/**
 * A timeline entry as a sentence a clerk reads ("The register shows the level: closed automatically.") instead
 * of the codes the events keep (DONE/register, REMINDED/B14, ANSWERED/PLANNED), and who did it by name.
 */
final class TimelineText {

    private TimelineText() {}

    /** Who: a person's display name, "the supplier", "Hoshimi (automatic)", else the recorded name. */
    static String who(Component view, RequestEvent e) {
        if (e.actorName() != null && !SystemAuthentication.SYSTEM_USERNAME.equals(e.actor())) {
            return e.actorName();
        }
        if (RequestAnswers.SUPPLIER_ACTOR.equals(e.actor())) {
            return view.getTranslation("request.timeline.actor.supplier");
        }
        if (SystemAuthentication.SYSTEM_USERNAME.equals(e.actor())) {
            return view.getTranslation("request.timeline.actor.system");
        }
        return e.actor();
    }

    /** What happened, as one sentence in the UI's language. */
    static String what(Component view, RequestEvent e) {
        String note = e.note() == null || e.note().isBlank() ? null : e.note().strip();
        return switch (e.kind()) {
            case "CREATED" -> view.getTranslation("request.timeline.CREATED");
            case "SENT" -> view.getTranslation("request.timeline.SENT");
            case "EDITED" -> view.getTranslation("request.timeline.EDITED");
            case "ANSWERED" -> answered(view, note);
            case "REMINDED" -> reminded(view, note);
            case "DONE" ->
                RequestAutomation.REGISTER_NOTE.equals(note)
                        ? view.getTranslation("request.timeline.DONE.register")
                        : withNote(view, "request.timeline.DONE", note);
            case "WITHDRAWN" -> withNote(view, "request.timeline.WITHDRAWN", note);
            case "REVOKED_LINK" -> view.getTranslation("request.timeline.REVOKED_LINK");
            default -> withNote(view, "request.timeline.other", note, eventLabel(view, e.kind()));
        };
    }

    /** The close note of a request as shown on its page (the register's code becomes a sentence). */
    static String closeNote(Component view, String note) {
        return RequestAutomation.REGISTER_NOTE.equals(note)
                ? view.getTranslation("request.timeline.DONE.register")
                : note;
    }

    private static String answered(Component view, String note) {
        for (AnswerKind kind : AnswerKind.values()) {
            if (kind.name().equals(note)) {
                return view.getTranslation("request.timeline.ANSWERED", view.getTranslation(kind.messageKey()));
            }
        }
        return view.getTranslation("request.timeline.ANSWERED", note == null ? "—" : note);
    }

    /** B14: 14 days before the due date; A7: 7 days after. */
    private static String reminded(Component view, String occasion) {
        if (occasion != null && occasion.matches("[AB]\\d{1,4}")) {
            int days = Integer.parseInt(occasion.substring(1));
            return view.getTranslation(
                    occasion.startsWith("B") ? "request.timeline.REMINDED.before" : "request.timeline.REMINDED.after",
                    days);
        }
        return view.getTranslation("request.timeline.REMINDED");
    }

    private static String withNote(Component view, String key, String note, Object... args) {
        String sentence = view.getTranslation(key, args);
        return note == null ? sentence : view.getTranslation("request.timeline.withNote", sentence, note);
    }

    private static String eventLabel(Component view, String kind) {
        String label = view.getTranslation("request.event." + kind);
        // a kind without a label (a newer event type) reads as its code rather than a missing-key marker
        return label.contains("request.event.") ? kind : label;
    }
}
