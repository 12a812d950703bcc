package jp.hoshimi.register;

import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import jp.hoshimi.register.source.FeedFormat;
import jp.hoshimi.register.source.FileSource;
import jp.hoshimi.register.source.HttpFeedSource;
import jp.hoshimi.register.source.RegisterKind;
import jp.hoshimi.register.source.RegisterSource;
import jp.hoshimi.register.source.Sleeper;
import org.springframework.stereotype.Component;

/** The configured source of each register kind: an HTTP feed or a file. */
@Component
public class RegisterSources {

    private final RegisterProperties properties;

    RegisterSources(RegisterProperties properties) {
        this.properties = properties;
    }

    public Optional<RegisterSource> source(RegisterKind kind) {
        RegisterProperties.Source source = kind == RegisterKind.STAR ? properties.star() : properties.securityAction();
        if (source == null || !source.isConfigured()) {
            return Optional.empty();
        }
        FeedFormat format = source.format() == null || source.format().isBlank()
                ? null
                : FeedFormat.valueOf(source.format().strip().toUpperCase(Locale.ROOT));
        if (source.url() != null) {
            RegisterProperties.Http http = properties.http();
            HttpFeedSource.Settings settings = new HttpFeedSource.Settings(
                    source.url(),
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
                    new HttpFeedSource(settings, Sleeper.real(), System::nanoTime, RandomGenerator.getDefault()));
        }
        return Optional.of(new FileSource(
                source.file(),
                format == null ? FeedFormat.CSV : format,
                properties.spoolDir(),
                properties.http().maxSize().toBytes()));
    }
}
