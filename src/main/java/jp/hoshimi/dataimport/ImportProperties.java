package jp.hoshimi.dataimport;

import java.nio.file.Path;
import java.time.Duration;
import jp.hoshimi.shared.read.ReadLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and workings of the spreadsheet import ({@code hoshimi.import.*}).
 *
 * @param maxFileSize largest upload accepted
 * @param maxRows most rows read from one sheet (header and title rows included)
 * @param maxCellChars longest cell (at most 20,000)
 * @param maxTotalChars most text in one file
 * @param parseDeadline how long reading one file may take; the file is refused after that
 * @param workers imports that run at the same time; the others wait in line
 * @param queueCapacity how many imports may wait; beyond that an upload is refused with "try again later"
 * @param workDir where uploaded files and their read rows are kept until applied or discarded
 * @param keepFiles how long an unapplied upload is kept
 * @param maxColumns most columns in a row (the header row above all); a wider file is refused with a plain message
 */
@ConfigurationProperties("hoshimi.import")
public record ImportProperties(
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("200000") int maxRows,
        @DefaultValue("2000") int maxCellChars,
        @DefaultValue("100000000") long maxTotalChars,
        @DefaultValue("120s") Duration parseDeadline,
        @DefaultValue("1") int workers,
        @DefaultValue("20") int queueCapacity,
        Path workDir,
        @DefaultValue("24h") Duration keepFiles,
        @DefaultValue("" + ReadLimits.DEFAULT_MAX_COLUMNS) int maxColumns) {

    public ImportProperties {
        if (maxCellChars > 20_000) {
            throw new IllegalArgumentException("hoshimi.import.max-cell-chars must be at most 20000");
        }
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "hoshimi-imports");
        }
    }

    public ReadLimits readLimits() {
        return new ReadLimits(maxFileSize.toBytes(), maxRows, maxCellChars, maxTotalChars, parseDeadline, maxColumns);
    }
}
