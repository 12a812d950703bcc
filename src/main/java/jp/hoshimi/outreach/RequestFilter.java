package jp.hoshimi.outreach;

/** The request list's filter; nulls mean "any". */
public record RequestFilter(RequestState state, Boolean overdue, Long supplierId) {

    public static RequestFilter none() {
        return new RequestFilter(null, null, null);
    }
}
