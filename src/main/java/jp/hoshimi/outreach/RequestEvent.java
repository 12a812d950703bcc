package jp.hoshimi.outreach;

import java.time.LocalDateTime;

/**
 * One entry of a request's timeline. {@code actor} is the user name as recorded ("system", "supplier", an API
 * token's name, a person's login); {@code actorName} is that person's display name when the actor is a user.
 */
public record RequestEvent(
        LocalDateTime occurredAt,
        String actor,
        String actorName,
        String kind,
        RequestState fromState,
        RequestState toState,
        String note) {}
