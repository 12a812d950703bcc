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
 * @param nameFragmentsDeferredFrom a very first file of at least this many rows commits without the name
 *     fragments of its corporations; they are built afterwards in chunks (docs/decisions/0046)
 * @param nameFragmentChunk corporations per chunk of that build (each chunk one short transaction)
 * @param nameFragmentsInBackground the build starts by itself after such a load and at start while pending
 *     (off: only {@link LegalEntityService#buildNameIndex()} builds, as the benchmark and some tests want)
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
        @DefaultValue("48h") java.time.Duration staleAfter,
        @DefaultValue("50000") long nameFragmentsDeferredFrom,
        @DefaultValue("50000") int nameFragmentChunk,
        @DefaultValue("true") boolean nameFragmentsInBackground) {

    public LegalEntityProperties {
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "hoshimi-legal-entity");
        }
        if (nameFragmentChunk < 1) {
            throw new IllegalArgumentException("hoshimi.legal-entity.name-fragment-chunk must be at least 1");
        }
    }
}
