package jp.hoshimi.outreach;

import java.time.LocalDateTime;

/** One entry of a request's timeline. */
public record RequestEvent(
        LocalDateTime occurredAt,
        String actor,
        String kind,
        RequestState fromState,
        RequestState toState,
        String note) {}
