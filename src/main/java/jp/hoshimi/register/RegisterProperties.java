package jp.hoshimi.register;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import jp.hoshimi.register.source.FieldMapping;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the register comes from and how it is polled ({@code hoshimi.register.*}).
 *
 * @param star the ★3–★5 register source
 * @param securityAction the SECURITY ACTION (★1/★2) declarations source, optional
 * @param cron default schedule (an administrator can change it on the register screen)
 * @param removalGuardPercent a sync that would remove more than this share of the entries waits for an
 *     administrator to confirm (a partial or broken feed must not empty the register)
 * @param lease how long one node holds the sync without renewing it: a heartbeat renews it every third of
 *     this while a sync runs, so a node that dies gives it up within this time (docs/decisions/0019)
 * @param spoolDir where fetched bodies wait to be parsed
 */
@ConfigurationProperties("hoshimi.register")
public record RegisterProperties(
        Source star,
        Source securityAction,
        @DefaultValue("0 0 0/6 * * ?") String cron,
        @DefaultValue("5") int removalGuardPercent,
        @DefaultValue("90s") Duration lease,
        Path spoolDir,
        @DefaultValue Http http) {

    public RegisterProperties {
        if (spoolDir == null) {
            spoolDir = Path.of(System.getProperty("java.io.tmpdir"), "hoshimi-register");
        }
    }

    /**
     * One source: an HTTP feed ({@code url}) or a file ({@code file}); format CSV, JSON or XLSX (empty: from the
     * response); {@code mapping} seeds the field mapping of a fresh install (an administrator changes it in the app).
     */
    public record Source(URI url, Path file, String format, Mapping mapping) {

        public boolean isConfigured() {
            return url != null || file != null;
        }
    }

    /**
     * {@code hoshimi.register.<kind>.mapping.*}: the feed's field names, value vocabularies (e.g. {@code
     * level-values.[★3]=STAR3}), date pattern and encoding; whatever is unset keeps the default format's.
     */
    public record Mapping(
            String corporateNumber,
            String name,
            String level,
            String registeredOn,
            String validUntil,
            String status,
            String scope,
            String assessmentBody,
            String entriesPath,
            Map<String, String> levelValues,
            Map<String, String> statusValues,
            String datePattern,
            String encoding) {

        /** The mapping these properties describe, on top of the default format. */
        public FieldMapping toFieldMapping() {
            FieldMapping base = FieldMapping.defaults();
            return base.toBuilder()
                    .corporateNumber(or(corporateNumber, base.corporateNumber()))
                    .name(or(name, base.name()))
                    .level(or(level, base.level()))
                    .registeredOn(or(registeredOn, base.registeredOn()))
                    .validUntil(or(validUntil, base.validUntil()))
                    .status(or(status, base.status()))
                    .scope(or(scope, base.scope()))
                    .assessmentBody(or(assessmentBody, base.assessmentBody()))
                    .entriesPath(entriesPath == null ? base.entriesPath() : entriesPath)
                    .levelValues(levelValues == null ? Map.of() : levelValues)
                    .statusValues(statusValues == null ? Map.of() : statusValues)
                    .datePattern(or(datePattern, base.datePattern()))
                    .encoding(or(encoding, base.encoding()))
                    .build();
        }

        private static String or(String value, String otherwise) {
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    public record Http(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("30s") Duration readTimeout,
            @DefaultValue("5m") Duration deadline,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("1s") Duration baseBackoff,
            @DefaultValue("60s") Duration maxBackoff,
            @DefaultValue("200MB") DataSize maxSize) {}
}
