package jp.hoshimi.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Clock;
import java.time.LocalDateTime;
import jp.hoshimi.audit.internal.AuditRepository;
import jp.hoshimi.security.SystemAuthentication;
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
