package jp.hoshimi.register;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import jp.hoshimi.register.internal.RegisterMappingRepository;
import jp.hoshimi.register.internal.RegisterSourceRepository;
import jp.hoshimi.register.source.FeedFormat;
import jp.hoshimi.register.source.FieldMapping;
import jp.hoshimi.register.source.FileSource;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.Sleeper;
import jp.hoshimi.shared.read.ReadLimits;
import org.springframework.stereotype.Component;

/**
 * The configured source of each register kind: an HTTP feed or a file, as an administrator stored it
 * (register_source, seeded from {@code hoshimi.register.*} on a fresh install: {@link RegisterSourceSeed}).
 * Timeouts, retries, size limit and spool directory stay properties.
 */
@Component
public class RegisterSources {

    private final RegisterProperties properties;
    private final RegisterSourceRepository stored;
    private final RegisterMappingRepository mappings;
    private final ReadLimits spreadsheetLimits;

    RegisterSources(
            RegisterProperties properties,
            RegisterSourceRepository stored,
            RegisterMappingRepository mappings,
            ReadLimits spreadsheetLimits) {
        this.properties = properties;
        this.stored = stored;
        this.mappings = mappings;
        this.spreadsheetLimits = spreadsheetLimits;
    }

    /** The field mapping a sync of this kind reads its feed with: as stored (issue 23), else the default format. */
    public FieldMapping mapping(RegisterKind kind) {
        return storedMapping(kind).mapping();
    }

    /** The stored mapping with who changed it when. */
    public RegisterMapping storedMapping(RegisterKind kind) {
        return mappings.find(kind).orElseGet(() -> RegisterMapping.defaults(kind));
    }

    /** Whether the kind's mapping changed after {@code moment}: a body read before must be read again. */
    public boolean mappingChangedSince(RegisterKind kind, java.time.LocalDateTime moment) {
        return moment != null
                && mappings.updatedAt(kind)
                        .map(changed -> changed.isAfter(moment))
                        .orElse(false);
    }

    /** The limits of a spreadsheet feed: the import's ({@code hoshimi.import.*}), the same reader. */
    public ReadLimits spreadsheetLimits() {
        return spreadsheetLimits;
    }

    /** What the properties say the mapping of one kind is: the seed of a fresh install. */
    FieldMapping mappingFromProperties(RegisterKind kind) {
        RegisterProperties.Source source = kind == RegisterKind.STAR ? properties.star() : properties.securityAction();
        return source == null || source.mapping() == null
                ? FieldMapping.defaults()
                : source.mapping().toFieldMapping();
    }

    /** The stored settings of one kind (NONE when nothing was ever stored). */
    public RegisterSourceSettings settings(RegisterKind kind) {
        return stored.find(kind).orElseGet(() -> RegisterSourceSettings.none(kind));
    }

    public Optional<RegisterSource> source(RegisterKind kind) {
        return from(settings(kind));
    }

    /** A source made from settings (stored or only typed in, for "test connection"); empty for NONE. */
    public Optional<RegisterSource> from(RegisterSourceSettings settings) {
        if (!settings.isConfigured()) {
            return Optional.empty();
        }
        FeedFormat format = settings.format() == null || settings.format().isBlank()
                ? null
                : FeedFormat.valueOf(settings.format().strip().toUpperCase(Locale.ROOT));
        String location = settings.location().strip();
        if (settings.type() == RegisterSourceSettings.Type.HTTP) {
            RegisterProperties.Http http = properties.http();
            HttpFeedSource.Settings feed = new HttpFeedSource.Settings(
                    URI.create(location),
                    format,
                    http.connectTimeout(),
                    http.readTimeout(),
                    http.deadline(),
                    http.maxAttempts(),
                    http.baseBackoff(),
                    http.maxBackoff(),
                    http.maxSize().toBytes(),
                    properties.spoolDir());
            return Optional.of(
                    new HttpFeedSource(feed, Sleeper.real(), System::nanoTime, RandomGenerator.getDefault()));
        }
        return Optional.of(new FileSource(
                Path.of(location),
                format == null ? FeedFormat.CSV : format,
                properties.spoolDir(),
                properties.http().maxSize().toBytes()));
    }

    /** What the properties say for one kind: the seed of a fresh install. */
    RegisterSourceSettings fromProperties(RegisterKind kind) {
        RegisterProperties.Source source = kind == RegisterKind.STAR ? properties.star() : properties.securityAction();
        if (source == null || !source.isConfigured()) {
            return RegisterSourceSettings.none(kind);
        }
        String format = source.format() == null || source.format().isBlank()
                ? null
                : source.format().strip().toUpperCase(Locale.ROOT);
        return source.url() != null
                ? new RegisterSourceSettings(
                        kind, RegisterSourceSettings.Type.HTTP, source.url().toString(), format, null, 0)
                : new RegisterSourceSettings(
                        kind, RegisterSourceSettings.Type.FILE, source.file().toString(), format, null, 0);
    }
}
