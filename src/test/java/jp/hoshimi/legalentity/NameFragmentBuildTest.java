package jp.hoshimi.legalentity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.api.ApiCalls;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A very first NTA file commits without its name fragments, which are built afterwards in chunks by 法人番号
 * (docs/decisions/0046); here every file of at least one row counts as large and a chunk is 13 corporations
 * (the sample full file holds 68: five chunks and a last one of 3), and nothing builds by itself, so each
 * step can be watched.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "hoshimi.legal-entity.name-fragments-deferred-from=1",
            "hoshimi.legal-entity.name-fragment-chunk=13",
            "hoshimi.legal-entity.name-fragments-in-background=false"
        })
class NameFragmentBuildTest {

    static final Path SAMPLES = LegalEntityLoadTest.SAMPLES;
    static final Path FULL = LegalEntityLoadTest.FULL;
    static final Path DIFF = LegalEntityLoadTest.DIFF;
    static final String PROCUREMENT = "hsm_demo_procurement_token_0001";
    /** Found for 山田鉄工所 only as a name containing it (the others are the same name or reading). */
    static final String CONTAINS_YAMADA = "7900000000134";
    /** The 65th of the 68 numbers: the fifth chunk ends with it. */
    static final String RENAMED = "9340034881412";

    @LocalServerPort
    int port;

    @Autowired
    LegalEntityService service;

    @Autowired
    NameFragmentBuild build;

    @Autowired
    LegalEntityRepository repository;

    @Autowired
    LegalEntityProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    java.time.Clock clock;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @TempDir
    Path dir;

    @BeforeEach
    @AfterEach
    void empty() {
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_staging");
        dsl.execute("DELETE FROM legal_entity_run");
        dsl.execute("UPDATE legal_entity_name_index SET pending = FALSE, built_through = NULL, built = 0, total = 0");
    }

    @Test
    void a_first_full_file_commits_without_fragments_and_contains_matches_come_once_the_build_is_complete()
            throws Exception {
        LegalEntityRun run = load(FULL, FileKind.FULL);
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(run.added()).isEqualTo(68);
        assertThat(fragments()).isEmpty();
        assertThat(progress()).isEqualTo(new NameIndexProgress(true, 0, 68));

        // while pending: equal names and readings are found, "contains" not yet, and the search says so
        assertThat(numbers(candidates("山田鉄工所")))
                .contains("7900000000101", "4900000000112", "1900000000123")
                .doesNotContain(CONTAINS_YAMADA);
        ApiCalls.Answer pending = search("山田鉄工所");
        assertThat(pending.status()).isEqualTo(200);
        assertThat(pending.headers().firstValue("Hoshimi-Contains-Index")).hasValue("pending");
        assertThat(pending.headers().firstValue("Hoshimi-Contains-Index-Progress"))
                .hasValue("0/68");
        assertThat(pending.body().size()).isEqualTo(3);
        ApiCalls.Answer index = new ApiCalls(port).get("/api/v1/legal-entities/name-index", PROCUREMENT);
        assertThat(index.body().get("pending").asBoolean()).isTrue();
        assertThat(index.body().get("total").asLong()).isEqualTo(68);

        NameIndexProgress first = build.buildChunk();
        assertThat(first).isEqualTo(new NameIndexProgress(true, 13, 68));
        assertThat(first.percent()).isEqualTo(19);
        assertThat(search("山田鉄工所").headers().firstValue("Hoshimi-Contains-Index-Progress"))
                .hasValue("13/68");

        assertThat(system.callAsSystem(() -> service.buildNameIndex())).isEqualTo(NameIndexProgress.COMPLETE);
        assertThat(fragments()).isNotEmpty().isEqualTo(fragmentsOfStoredNames());
        List<LegalEntityCandidate> found = candidates("山田鉄工所");
        assertThat(numbers(found)).contains(CONTAINS_YAMADA);
        assertThat(found.get(3).match()).isEqualTo(LegalEntityCandidate.Match.CONTAINED);
        ApiCalls.Answer complete = search("山田鉄工所");
        assertThat(complete.headers().firstValue("Hoshimi-Contains-Index")).isEmpty();
        assertThat(complete.body().size()).isEqualTo(4);
        assertThat(new ApiCalls(port)
                        .get("/api/v1/legal-entities/name-index", PROCUREMENT)
                        .body()
                        .get("pending")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void a_build_stopped_after_some_chunks_resumes_on_another_start_and_ends_with_no_gap_and_no_duplicate()
            throws Exception {
        load(FULL, FileKind.FULL);
        build.buildChunk();
        build.buildChunk();
        assertThat(progress()).isEqualTo(new NameIndexProgress(true, 26, 68));
        Set<String> first26 =
                new HashSet<>(dsl.fetch("SELECT corporate_number FROM legal_entity ORDER BY corporate_number LIMIT 26")
                        .getValues(0, String.class));
        assertThat(new HashSet<>(dsl.fetch("SELECT DISTINCT corporate_number FROM legal_entity_name_fragment")
                        .getValues(0, String.class)))
                .isEqualTo(first26);

        // the node stops here; another starts (building in the background, as the app does) and resumes
        NameFragmentBuild restarted = new NameFragmentBuild(repository, transactions, inBackground(), clock);
        assertThat(restarted.startIfPending().get(60, TimeUnit.SECONDS)).isEqualTo(NameIndexProgress.COMPLETE);

        assertThat(fragments()).isEqualTo(fragmentsOfStoredNames());
        assertThat(dsl.fetchCount(dsl.selectFrom("legal_entity_name_fragment")))
                .isEqualTo(fragmentsOfStoredNames().size());
        assertThat(repository.nameIndex().built()).isEqualTo(68);
    }

    @Test
    void a_rename_applied_while_the_build_is_pending_leaves_no_fragment_of_the_old_name() throws Exception {
        load(FULL, FileKind.FULL);
        for (int i = 0; i < 5; i++) {
            build.buildChunk();
        }
        // the renamed corporation's fragments are built (old name), three corporations are not yet
        assertThat(repository.nameIndex().builtThrough()).isEqualTo(RENAMED);
        assertThat(progress().pending()).isTrue();

        assertThat(load(DIFF, FileKind.DIFF).outcome()).isEqualTo(Outcome.SUCCEEDED);
        String text = Files.readString(SAMPLES.resolve("nta-diff-20261201_unicode.csv"), StandardCharsets.UTF_8);
        String renamed = "1"
                + text.split("\r\n")[1]
                        .substring(1)
                        .replace("2026-12-01", "2026-12-03")
                        .replace("株式会社ヒカリシステムサービス", "北斗電装株式会社")
                        .replace(",2015-10-05,0,", ",2015-10-05,1,");
        Path file = dir.resolve("rename.csv");
        Files.writeString(file, renamed + "\r\n", StandardCharsets.UTF_8);
        LegalEntityRun rename = load(file, FileKind.DIFF);
        assertThat(rename.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(rename.changed()).isEqualTo(1);
        assertThat(progress().pending())
                .as("a later file does not end the build")
                .isTrue();

        assertThat(build.buildAll()).isEqualTo(NameIndexProgress.COMPLETE);
        assertThat(fragments()).isEqualTo(fragmentsOfStoredNames());
        assertThat(numbers(candidates("北斗電装"))).contains(RENAMED);
        assertThat(numbers(candidates("ひかりシステム"))).doesNotContain(RENAMED);
    }

    private LegalEntityProperties inBackground() {
        var p = properties;
        return new LegalEntityProperties(
                p.workDir(),
                p.maxCsvSize(),
                p.maxExpansion(),
                p.cron(),
                p.loadSampleOnStart(),
                p.webApiUrl(),
                p.maxDownload(),
                p.staleAfter(),
                p.nameFragmentsDeferredFrom(),
                p.nameFragmentChunk(),
                true);
    }

    private NameIndexProgress progress() {
        return system.callAsSystem(() -> service.nameIndex());
    }

    private LegalEntityRun load(Path file, FileKind kind) {
        return system.callAsSystem(() -> service.upload(file, file.getFileName().toString(), kind, NtaEdition.UNICODE));
    }

    private List<LegalEntityCandidate> candidates(String name) {
        return system.callAsSystem(() -> service.candidates(name, null, null, 10));
    }

    private ApiCalls.Answer search(String name) throws Exception {
        return new ApiCalls(port)
                .get("/api/v1/legal-entities?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), PROCUREMENT);
    }

    private static List<String> numbers(List<LegalEntityCandidate> candidates) {
        return candidates.stream().map(c -> c.entity().corporateNumber()).toList();
    }

    private Set<String> fragments() {
        return LegalEntityLoadTest.fragments(dsl);
    }

    private Set<String> fragmentsOfStoredNames() {
        return LegalEntityLoadTest.fragmentsOfStoredNames(dsl);
    }
}
