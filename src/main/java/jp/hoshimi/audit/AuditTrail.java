package jp.hoshimi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.LocalDateTime;
import jp.hoshimi.audit.internal.AuditRepository;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit events. Called by the feature services inside their own transaction, so a change and its
 * audit event are committed together or not at all. Not a user-facing service: reading the trail goes
 * through {@link AuditService}, which checks roles.
 */
@Component
public class AuditTrail {

    private final AuditRepository repository;
    private final SystemAuthentication system;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AuditTrail(AuditRepository repository, SystemAuthentication system, Clock clock) {
        this.repository = repository;
        this.system = system;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, AuditAction action, Object before, Object after) {
        repository.insert(
                LocalDateTime.now(clock),
                system.currentActor(),
                entityType,
                String.valueOf(entityId),
                action,
                toJson(before),
                toJson(after));
    }

    /** One event of a bulk write; {@link #recordAll} writes many in one INSERT. */
    public record Event(Object entityId, AuditAction action, Object before, Object after) {}

    /** Records many events of one entity type (a bulk import) with one multi-row INSERT, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(String entityType, java.util.List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        LocalDateTime at = LocalDateTime.now(clock);
        String actor = system.currentActor();
        repository.insertAll(
                at,
                actor,
                entityType,
                events.stream()
                        .map(e -> new AuditRepository.Row(
                                String.valueOf(e.entityId()), e.action(), toJson(e.before()), toJson(e.after())))
                        .toList());
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write audit state of " + state.getClass(), e);
        }
    }
}
