package jp.hoshimi.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.settings.internal.SettingsRepository;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The policy settings, stored as one versioned record so that a save is all or nothing. */
@Service
@RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME})
public class SettingsService {

    static final String POLICY_KEY = "policy";
    public static final String AUDIT_TYPE = "setting";

    /** The stored policy with the version a save must quote. */
    public record Versioned(PolicySettings settings, int version) {}

    private final SettingsRepository settings;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json = new ObjectMapper();

    SettingsService(
            SettingsRepository settings,
            AuditTrail audit,
            SystemAuthentication system,
            Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.settings = settings;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
    }

    /** The policy in force: the stored one, or the defaults when none was saved yet. */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public PolicySettings policy() {
        return current().settings();
    }

    /** The policy with its version, to edit (risk managers, administrators) or to read (auditors). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public Versioned current() {
        return settings.find(POLICY_KEY)
                .map(row -> new Versioned(parse(row.value()), row.version()))
                .orElse(new Versioned(PolicySettings.defaults(), -1));
    }

    /** Saves the policy if nobody saved another since {@code version} (-1: never saved). */
    @Transactional
    public void save(PolicySettings policy, int version) {
        validate(policy);
        Versioned before = current();
        String value = write(policy);
        boolean saved = version < 0
                ? before.version() < 0
                        && settings.insert(POLICY_KEY, value, system.currentActor(), LocalDateTime.now(clock))
                : settings.update(POLICY_KEY, version, value, system.currentActor(), LocalDateTime.now(clock));
        if (!saved) {
            throw new ConcurrentEditException(AUDIT_TYPE, POLICY_KEY);
        }
        audit.record(
                AUDIT_TYPE,
                POLICY_KEY,
                before.version() < 0 ? AuditAction.CREATE : AuditAction.UPDATE,
                before.settings(),
                policy);
        events.publishEvent(new PolicyChangedEvent());
    }

    private static void validate(PolicySettings policy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (policy.subcontractorPolicy() == null) {
            problems.add(FieldProblem.of("subcontractorPolicy", "validation.required"));
        }
        for (Map.Entry<StarLevel, List<Integer>> entry : policy.leadTimeDays().entrySet()) {
            if (entry.getValue().stream().anyMatch(days -> days == null || days < 1 || days > 3650)) {
                problems.add(FieldProblem.of("leadTime." + entry.getKey().name(), "settings.leadTime.range"));
            }
        }
        if (policy.stalenessHours() < 1 || policy.stalenessHours() > 24 * 30) {
            problems.add(FieldProblem.of("stalenessHours", "settings.staleness.range"));
        }
        if (policy.exceptionMaxDays() < 1 || policy.exceptionMaxDays() > 3650) {
            problems.add(FieldProblem.of("exceptionMaxDays", "settings.exceptionMaxDays.range"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private PolicySettings parse(String value) {
        try {
            PolicySettings stored = json.readValue(value, PolicySettings.class);
            // levels added after the policy was saved fall back to their defaults
            Map<StarLevel, List<Integer>> leadTimes =
                    new EnumMap<>(PolicySettings.defaults().leadTimeDays());
            leadTimes.putAll(stored.leadTimeDays());
            // a policy saved before issue 20 has no exception limit: the default
            int exceptionMaxDays = stored.exceptionMaxDays() > 0
                    ? stored.exceptionMaxDays()
                    : PolicySettings.DEFAULT_EXCEPTION_MAX_DAYS;
            return new PolicySettings(
                    stored.subcontractorPolicy(), leadTimes, stored.stalenessHours(), exceptionMaxDays);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored policy settings cannot be read", e);
        }
    }

    private String write(PolicySettings policy) {
        try {
            return json.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
