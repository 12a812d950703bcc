package jp.hoshimi.outreach;

/**
 * The findings list's request filter (issue 19): whether a finding's supplier has an open request (sent or
 * answered) that asks for at least the level the finding needs.
 */
public enum RequestMark {
    /** Every finding. */
    ANY,
    /** No open request covers it. */
    NONE,
    /** 依頼中: an open request covers it (overdue or not). */
    OPEN,
    /** 期限超過: an open request covers it and is overdue. */
    OVERDUE;

    public String messageKey() {
        return "worklist.requests." + name();
    }
}
