package jp.hoshimi.register;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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

    /** One source: an HTTP feed ({@code url}) or a file ({@code file}); format CSV or JSON (empty: from the response). */
    public record Source(URI url, Path file, String format) {

        public boolean isConfigured() {
            return url != null || file != null;
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
