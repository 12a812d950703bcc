package jp.hoshimi.dev;

import java.nio.file.Path;
import jp.hoshimi.legalentity.LegalEntityRun;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityService;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start of the dev app, loads the synthetic NTA full file from sample-data/nta (issue 21), so
 * that supplier pages show an official record. The difference file is left for a person to upload. Off in
 * tests (they load what they need): a full file would mark every other test's 法人番号 as unknown.
 */
@Component
@Order(30)
@ConditionalOnProperty("hoshimi.dev-db.active")
class DemoLegalEntities implements ApplicationRunner {

    static final Path SAMPLE_FULL_FILE = Path.of("sample-data", "nta", "nta-full-20261130_unicode.zip");

    private static final Logger log = LoggerFactory.getLogger(DemoLegalEntities.class);

    private final LegalEntityService legalEntities;
    private final SystemAuthentication system;
    private final boolean atStart;

    DemoLegalEntities(
            LegalEntityService legalEntities,
            SystemAuthentication system,
            @Value("${hoshimi.dev.legal-entity-sample-at-start:true}") boolean atStart) {
        this.legalEntities = legalEntities;
        this.system = system;
        this.atStart = atStart;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!atStart || !SAMPLE_FULL_FILE.toFile().isFile()) {
            return;
        }
        system.runAsSystem(() -> {
            if (legalEntities.lastSuccess().isEmpty()) {
                LegalEntityRun run = legalEntities.upload(
                        SAMPLE_FULL_FILE, SAMPLE_FULL_FILE.getFileName().toString(), FileKind.FULL, NtaEdition.UNICODE);
                log.info("Loaded the sample NTA full file: {} ({} rows)", run.outcome(), run.rowsRead());
            }
        });
    }
}
