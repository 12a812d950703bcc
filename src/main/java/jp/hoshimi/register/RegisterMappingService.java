package jp.hoshimi.register;

import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditTrail;
import jp.hoshimi.register.internal.RegisterMappingRepository;
import jp.hoshimi.register.source.FeedEntry;
import jp.hoshimi.register.source.FeedFormat;
import jp.hoshimi.register.source.FeedParser;
import jp.hoshimi.register.source.FetchResult;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSourceException;
import jp.hoshimi.register.source.Validators;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.Text;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.shared.read.ReadLimits;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators adapt Hoshimi to the published register format (issue 23): the field mapping of each kind,
 * stored and audited, and "try before use" — a sample file or one fetch of the configured source read with a
 * mapping as typed, nothing stored. The next sync reads its feed with the saved mapping.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class RegisterMappingService {

    public static final String AUDIT_ENTITY = "register_mapping";
    /** How many entries a preview shows as Hoshimi reads them. */
    public static final int FIRST_ENTRIES = 10;
    /** How many rejected entries a preview lists (it counts them all). */
    public static final int MAX_REJECTIONS = 500;

    private final RegisterSources sources;
    private final RegisterMappingRepository stored;
    private final RegisterProperties properties;
    private final AuditTrail audit;
    private final SystemAuthentication system;
    private final Clock clock;

    RegisterMappingService(
            RegisterSources sources,
            RegisterMappingRepository stored,
            RegisterProperties properties,
            AuditTrail audit,
            SystemAuthentication system,
            Clock clock) {
        this.sources = sources;
        this.stored = stored;
        this.properties = properties;
        this.audit = audit;
        this.system = system;
        this.clock = clock;
    }

    /**
     * What one try found: the format by content, the entries read, the first of them, every rejected entry and
     * why; or, when the feed cannot be read at all, a message key and detail.
     */
    public record Preview(
            FeedFormat format,
            int entries,
            List<FeedEntry> firstEntries,
            List<FeedParser.Rejection> rejected,
            int rejectedTotal,
            String errorKey,
            Text detail) {

        /** Whether a sync with this mapping would take this feed: readable, entries, none rejected. */
        public boolean acceptable() {
            return errorKey == null && entries > 0 && rejectedTotal == 0;
        }
    }

    @Transactional(readOnly = true)
    public RegisterMapping current(RegisterKind kind) {
        return sources.storedMapping(kind);
    }

    /** Stores the mapping the next sync of this kind reads its feed with; audited. */
    @Transactional
    public RegisterMapping save(RegisterKind kind, MappingDraft draft) {
        FieldMapping mapping = draft.toMapping(kind);
        RegisterMapping before = sources.storedMapping(kind);
        if (!stored.save(kind, mapping, draft.version(), system.currentActor(), LocalDateTime.now(clock))) {
            throw new ConcurrentEditException(AUDIT_ENTITY, kind.name());
        }
        RegisterMapping after = sources.storedMapping(kind);
        audit.record(AUDIT_ENTITY, kind.name(), AuditAction.UPDATE, before.mapping(), after.mapping());
        return after;
    }

    /** Reads an uploaded sample with the mapping as typed; nothing is stored and the register is not touched. */
    public Preview preview(RegisterKind kind, MappingDraft draft, InputStream sample) {
        FieldMapping mapping = draft.toMapping(kind);
        Path body = spool(sample, sources.spreadsheetLimits());
        try {
            return read(body, FeedParser.detect(body), kind, mapping);
        } catch (RegisterSourceException e) {
            return failed(e);
        } finally {
            deleteQuietly(body);
        }
    }

    /** Fetches the configured source once and reads it with the mapping as typed; nothing is stored. */
    public Preview previewFromSource(RegisterKind kind, MappingDraft draft) {
        FieldMapping mapping = draft.toMapping(kind);
        var source = sources.source(kind).orElseThrow(() -> new NoRegisterSourceException(kind));
        try {
            FetchResult result = source.fetch(Validators.none());
            if (!(result instanceof FetchResult.Fetched fetched)) {
                return new Preview(
                        null, 0, List.of(), List.of(), 0, "register.sync.unexpected", Text.asIs("not modified"));
            }
            try {
                return read(fetched.body(), fetched.format(), kind, mapping);
            } finally {
                deleteQuietly(fetched.body());
            }
        } catch (RegisterSourceException e) {
            return failed(e);
        }
    }

    private Preview read(Path body, FeedFormat format, RegisterKind kind, FieldMapping mapping) {
        List<FeedEntry> first = new ArrayList<>();
        List<FeedParser.Rejection> rejected = new ArrayList<>();
        int[] rejectedTotal = {0};
        int entries = FeedParser.preview(
                body,
                format,
                kind,
                mapping,
                sources.spreadsheetLimits(),
                entry -> {
                    if (first.size() < FIRST_ENTRIES) {
                        first.add(entry);
                    }
                },
                rejection -> {
                    if (rejectedTotal[0]++ < MAX_REJECTIONS) {
                        rejected.add(rejection);
                    }
                });
        return new Preview(format, entries, first, rejected, rejectedTotal[0], null, null);
    }

    private static Preview failed(RegisterSourceException e) {
        return new Preview(null, 0, List.of(), List.of(), 0, e.code(), e.text());
    }

    /** The sample in a file of its own, refused beyond the import's size limit (bad input loses nothing). */
    private Path spool(InputStream sample, ReadLimits limits) {
        try {
            Files.createDirectories(properties.spoolDir());
            Path body = Files.createTempFile(properties.spoolDir(), "mapping-sample-", ".body");
            try (InputStream in = sample;
                    OutputStream out = Files.newOutputStream(body)) {
                long copied = in.transferTo(new LimitedOutput(out, limits.maxFileBytes()));
                if (copied == 0) {
                    throw new ValidationException(
                            jp.hoshimi.shared.FieldProblem.of("sample", "registerMapping.sample.empty"));
                }
            } catch (RuntimeException | IOException e) {
                deleteQuietly(body);
                throw e;
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops a copy past the limit. */
    private static final class LimitedOutput extends java.io.FilterOutputStream {
        private final long limit;
        private long written;

        LimitedOutput(OutputStream out, long limit) {
            super(out);
            this.limit = limit;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written > limit) {
                throw new ValidationException(
                        jp.hoshimi.shared.FieldProblem.of("sample", "registerMapping.sample.tooLarge", limit));
            }
            out.write(bytes, offset, length);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a temporary file; the spool directory is cleaned with the machine
        }
    }
}
