package jp.hoshimi.dataimport;

import jp.hoshimi.shared.read.ReadLimits;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The spreadsheet reader's limits as configured for imports ({@code hoshimi.import.*}), for everyone who reads
 * spreadsheets: the register's spreadsheet feeds read with the same limits without knowing the import
 * (decision 0043).
 */
@Configuration(proxyBeanMethods = false)
class SpreadsheetLimitsConfig {

    @Bean
    ReadLimits spreadsheetReadLimits(ImportProperties imports) {
        return imports.readLimits();
    }
}
