package jp.hoshimi.legalentity;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The NTA corporate-number data ({@code hoshimi.legal-entity.*}).
 *
 * @param workDir where uploads and downloads wait and staging files are written
 * @param maxCsvSize the largest uncompressed CSV accepted (the real full file is about 2.5 GB)
 * @param maxExpansion how many times its zip a CSV may be (more is a zip bomb)
 * @param cron when the scheduled difference fetch runs (daily by default)
 * @param loadSampleOnStart the development app loads this file at its first start (empty: none)
 * @param webApiUrl the NTA Web-API's base (version 4), used when an administrator chooses the Web-API
 * @param maxDownload the largest difference file or Web-API answer fetched from a source
 * @param staleAfter NTA data not fetched successfully for longer is shown as stale (a daily fetch: 2 days)
 */
@ConfigurationProperties("hoshimi.legal-entity")
public record LegalEntityProperties(
        Path workDir,
        @DefaultValue("8GB") DataSize maxCsvSize,
        @DefaultValue("100") long maxExpansion,
        @DefaultValue("0 30 6 * * ?") String cron,
        Path loadSampleOnStart,

        @DefaultValue("https://api.houjin-bangou.nta.go.jp/4")
        java.net.URI webApiUrl,

        @DefaultValue("500MB") DataSize maxDownload,
        @DefaultValue("48h") java.time.Duration staleAfter) {

    public LegalEntityProperties {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "hoshimi-legal-entity");
        }
    }
}
