package jp.hoshimi.register;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.register.RegisterSourceSettings.Type;
import jp.hoshimi.register.internal.RegisterSourceRepository;
import jp.hoshimi.register.source.FeedParser;
import jp.hoshimi.register.source.FetchResult;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.Validators;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.HttpUrls;
import jp.hoshimi.shared.Text;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators configure where each register is read from, and try a source once before saving it. */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class RegisterSourceService {

    public static final String AUDIT_ENTITY = "register_source";
    private static final Set<String> FORMATS = Set.of("CSV", "JSON", "XLSX");

    private final RegisterSources sources;
    private final RegisterSourceRepository stored;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;

    RegisterSourceService(
            RegisterSources sources,
            RegisterSourceRepository stored,
            AuditTrail audit,
            SystemAuthentication system,
            Clock clock) {
        this.sources = sources;
        this.stored = stored;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
    }

    /** What one "test connection" found: entries read and format, or why it failed (a message key and detail). */
    public record TestResult(boolean ok, int entries, String format, long bytes, String errorKey, Text detail) {}

    @Transactional(readOnly = true)
    public List<RegisterSourceSettings> all() {
        return Arrays.stream(RegisterKind.values()).map(sources::settings).toList();
    }

    /** Whether the kind has a source: every signed-in user may know (the register page says so). */
    @Transactional(readOnly = true)
    @RolesAllowed({Role.PROCUREMENT_NAME, Role.RISK_MANAGER_NAME, Role.ADMIN_NAME, Role.AUDITOR_NAME})
    public boolean configured(RegisterKind kind) {
        return sources.settings(kind).isConfigured();
    }

    @Transactional
    public RegisterSourceSettings save(RegisterSourceSettings settings) {
        RegisterSourceSettings clean = validated(settings);
        RegisterSourceSettings before = sources.settings(clean.kind());
        if (!stored.save(clean, system.currentActor(), LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_ENTITY, clean.kind().name());
        }
        RegisterSourceSettings after = sources.settings(clean.kind());
        audit.record(AUDIT_ENTITY, clean.kind().name(), AuditAction.UPDATE, before, after);
        return after;
    }

    /** Fetches once from the settings as typed (not saved) and parses what came; the register is not touched. */
    public TestResult test(RegisterSourceSettings settings) {
        RegisterSourceSettings clean = validated(settings);
        RegisterSource source = sources.from(clean).orElseThrow(() -> new NoRegisterSourceException(clean.kind()));
        try {
            FetchResult result = source.fetch(Validators.none());
            if (!(result instanceof FetchResult.Fetched fetched)) {
                return new TestResult(true, 0, null, 0, null, null);
            }
            try {
                int entries = FeedParser.parse(
                        fetched.body(),
                        fetched.format(),
                        clean.kind(),
                        sources.mapping(clean.kind()),
                        sources.spreadsheetLimits(),
                        entry -> {});
                return new TestResult(true, entries, fetched.format().name(), fetched.bytes(), null, null);
            } finally {
                Files.deleteIfExists(fetched.body());
            }
        } catch (RegisterSourceException e) {
            return new TestResult(false, 0, null, 0, e.code(), e.text());
        } catch (IOException e) {
            return new TestResult(
                    false, 0, null, 0, "register.sync.unexpected", Text.asIs(String.valueOf(e.getMessage())));
        }
    }

    private static RegisterSourceSettings validated(RegisterSourceSettings settings) {
        String location =
                settings.location() == null ? null : settings.location().strip();
        String format = settings.format() == null || settings.format().isBlank()
                ? null
                : settings.format().strip().toUpperCase(Locale.ROOT);
        if (format != null && !FORMATS.contains(format)) {
            throw new ValidationException(FieldProblem.of("format", "registerSource.format.invalid"));
        }
        Type type = settings.type() == null ? Type.NONE : settings.type();
        if (type == Type.NONE) {
            return new RegisterSourceSettings(settings.kind(), type, null, null, settings.origin(), settings.version());
        }
        if (location == null || location.isEmpty()) {
            throw new ValidationException(FieldProblem.of("location", "validation.required"));
        }
        if (type == Type.HTTP && !HttpUrls.isHttpUrl(location)) {
            throw new ValidationException(FieldProblem.of("location", "registerSource.url.invalid"));
        }
        return new RegisterSourceSettings(
                settings.kind(), type, location, format, settings.origin(), settings.version());
    }
}
