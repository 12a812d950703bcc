package jp.hoshimi.register;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A schedule an administrator edits on a screen (the register sync's, the NTA difference fetch's): the
 * current rule, the next runs a rule would make, and saving it. Implemented by services that check the role.
 */
public interface EditableSchedule {

    Optional<ScheduleRule> currentRule();

    /** @throws jp.hoshimi.shared.ValidationException for an invalid rule, or one that never runs again */
    List<ZonedDateTime> preview(ScheduleRule rule, int count);

    /** @throws jp.hoshimi.shared.ValidationException for an invalid rule, or one that never runs again */
    void change(ScheduleRule rule);
}
