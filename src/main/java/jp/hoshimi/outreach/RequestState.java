package jp.hoshimi.outreach;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request to a supplier stands: draft → sent → answered → done, or withdrawn from any open state.
 * An answered request may be answered again (each answer is kept) and still closes when the register shows
 * the level; done and withdrawn are final.
 */
public enum RequestState {
    DRAFT,
    SENT,
    ANSWERED,
    DONE,
    WITHDRAWN;

    /** The states a request may move to from this one. */
    public Set<RequestState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SENT, WITHDRAWN);
            case SENT -> EnumSet.of(ANSWERED, DONE, WITHDRAWN);
            case ANSWERED -> EnumSet.of(ANSWERED, DONE, WITHDRAWN);
            case DONE, WITHDRAWN -> EnumSet.noneOf(RequestState.class);
        };
    }

    public boolean canMoveTo(RequestState target) {
        return next().contains(target);
    }

    /** Sent and not closed: the supplier's link works, reminders go out, the register may close it. */
    public boolean open() {
        return this == SENT || this == ANSWERED;
    }

    public String messageKey() {
        return "request.state." + name();
    }
}
