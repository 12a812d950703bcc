package jp.hoshimi.legalentity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;
import jp.hoshimi.legalentity.LegalEntityRun.SourceType;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.internal.LegalEntityRepository.StoredSource;
import jp.hoshimi.legalentity.source.NtaCursor;
import jp.hoshimi.legalentity.source.NtaFileSource;
import jp.hoshimi.legalentity.source.NtaMirrorSource;
import jp.hoshimi.legalentity.source.NtaSource;
import jp.hoshimi.legalentity.source.NtaWebApiSource;
import jp.hoshimi.register.RegisterProperties;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.Sleeper;
import jp.hoshimi.register.source.Validators;
import org.springframework.stereotype.Component;

/**
 * The configured NTA source as an administrator stored it, built from the register's source pieces with
 * the register's HTTP timeouts and retries ({@code hoshimi.register.http.*}) and this feature's size cap.
 */
@Component
class LegalEntitySources {

    private final LegalEntityRepository repository;
    private final LegalEntityProperties properties;
    private final RegisterProperties register;
    private final Clock clock;

    LegalEntitySources(
            LegalEntityRepository repository,
            LegalEntityProperties properties,
            RegisterProperties register,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.register = register;
        this.clock = clock;
    }

    Optional<NtaSource> source() {
        return from(repository.source());
    }

    /** Where the next fetch starts: the stored validators and last day (a first Web-API fetch: the newest data). */
    NtaCursor cursor() {
        StoredSource stored = repository.source();
        var through = stored.fetchedThrough();
        if (through == null && stored.type() == SourceType.WEB_API) {
            // the newest update date of the data loaded so far, but no further back than one API range:
            // re-applying a day is harmless (idempotent), asking for years of days one range at a time is not
            java.time.LocalDate earliest = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")))
                    .minusDays(NtaWebApiSource.MAX_DAYS + 1L);
            through = repository
                    .newestUpdate()
                    .filter(newest -> newest.isAfter(earliest))
                    .orElse(earliest);
        }
        return new NtaCursor(new Validators(stored.etag(), stored.lastModified()), through);
    }

    Optional<NtaSource> from(StoredSource stored) {
        long cap = properties.maxDownload().toBytes();
        Path spool = properties.workDir();
        return switch (stored.type()) {
            case FILE -> Optional.of(new NtaFileSource(Path.of(stored.location()), stored.edition(), spool, cap));
            case HTTP -> Optional.of(new NtaMirrorSource(http(URI.create(stored.location()), cap), stored.edition()));
            case WEB_API ->
                Optional.of(new NtaWebApiSource(
                        http(URI.create(stored.location()), cap), stored.applicationId(), clock, spool));
            default -> Optional.empty();
        };
    }

    /** The Web-API as configured, for {@code /num}; empty unless the Web-API is the source. */
    Optional<NtaWebApiSource> webApi() {
        return source().filter(NtaWebApiSource.class::isInstance).map(NtaWebApiSource.class::cast);
    }

    private HttpFeedSource http(URI url, long cap) {
        RegisterProperties.Http http = register.http();
        return new HttpFeedSource(
                new HttpFeedSource.Settings(
                        url,
                        null,
                        http.connectTimeout(),
                        http.readTimeout(),
                        http.deadline(),
                        http.maxAttempts(),
                        http.baseBackoff(),
                        http.maxBackoff(),
                        cap,
                        properties.workDir()),
                Sleeper.real(),
                System::nanoTime,
                RandomGenerator.getDefault());
    }
}
