package jp.hoshimi.outreach;

/** What a supplier answered: it plans the level by a date, is already registered, or cannot. */
public enum AnswerKind {
    PLANNED,
    REGISTERED,
    CANNOT;

    public String messageKey() {
        return "request.answer.kind." + name();
    }
}
