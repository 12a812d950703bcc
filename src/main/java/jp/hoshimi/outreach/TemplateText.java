package jp.hoshimi.outreach;

import java.time.LocalDateTime;

/**
 * A letter template as it is now: the risk managers' text ({@code customised}, with its version for the
 * optimistic lock) or the default from the message bundles ({@code version} -1, no author).
 */
public record TemplateText(
        GapType gapType,
        String language,
        String body,
        boolean customised,
        int version,
        LocalDateTime updatedAt,
        String updatedBy) {}
