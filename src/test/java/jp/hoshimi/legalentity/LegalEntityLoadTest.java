package jp.hoshimi.legalentity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.legalentity.LegalEntityRun.FileKind;
import jp.hoshimi.legalentity.LegalEntityRun.Outcome;
import jp.hoshimi.legalentity.internal.LegalEntityRepository;
import jp.hoshimi.legalentity.source.NtaEdition;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import testsupport.ClusterLockProbe;
import testsupport.HeldTransaction;

/** Loading NTA files into the real MariaDB: full file, differences, idempotence, refusals that change nothing. */
@SpringBootTest
class LegalEntityLoadTest {

    static final Path SAMPLES = Path.of("sample-data/nta");
    static final Path FULL = SAMPLES.resolve("nta-full-20261130_unicode.zip");
    static final Path DIFF = SAMPLES.resolve("nta-diff-20261201_unicode.zip");
    static final String MERGED = "3340095277778";
    static final String SUCCESSOR = "6900000000011";
    static final String APPLY_LOCK = "legal-entity-apply";

    @Autowired
    LegalEntityService service;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @Autowired
    LegalEntityRepository repository;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path dir;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    /** Leaves no NTA data behind for the other tests of this context, and re-judges the suppliers it touched. */
    @org.junit.jupiter.api.AfterEach
    void restore() {
        empty();
        var suppliers =
                new java.util.HashSet<>(dsl.fetch("SELECT id FROM supplier").getValues(0, Long.class));
        events.publishEvent(new jp.hoshimi.shared.MasterDataChangedEvent(suppliers, java.util.Set.of()));
    }

    @BeforeEach
    void empty() {
        // the sample difference moves S-10008: its move alert (to owners in every unit) goes too
        dsl.execute("DELETE FROM alert WHERE kind IN ('ENTITY_RENAMED', 'ENTITY_MOVED')");
        dsl.execute("DELETE FROM legal_entity_change");
        dsl.execute("DELETE FROM legal_entity_name_fragment");
        dsl.execute("DELETE FROM legal_entity");
        dsl.execute("DELETE FROM legal_entity_staging");
        dsl.execute("DELETE FROM legal_entity_run");
    }

    @Test
    void the_full_file_loads_every_corporation_in_either_edition_with_the_same_result() {
        LegalEntityRun run = load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(68);
        assertThat(run.added()).isEqualTo(68);
        assertThat(count("legal_entity")).isEqualTo(68);
        // a first full file is the baseline: no history yet
        assertThat(count("legal_entity_change")).isZero();
        LegalEntity entity = entity(MERGED);
        assertThat(entity.name()).isEqualTo("知多鋳造株式会社");
        assertThat(entity.furigana()).isEqualTo("チタチュウゾウ");
        assertThat(entity.kind()).isEqualTo("301");
        assertThat(entity.address()).isEqualTo("愛知県半田市1-2-3");
        assertThat(entity.isClosed()).isFalse();

        LegalEntityRun again = load(SAMPLES.resolve("nta-full-20261130_sjis.zip"), FileKind.FULL, NtaEdition.SHIFT_JIS);
        assertThat(again.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(again.unchanged()).isEqualTo(68);
        assertThat(again.added() + again.changed()).isZero();
    }

    @Test
    void a_difference_file_records_every_row_and_moves_each_corporation_to_its_latest_row() {
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        LegalEntityRun run = load(DIFF, FileKind.DIFF, NtaEdition.UNICODE);
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(run.historyRows()).isEqualTo(7);
        assertThat(run.added()).isEqualTo(1);
        // 71 absorbed by merger: closed on the day, cause 11, with its successor and the successor's name
        LegalEntity merged = entity(MERGED);
        assertThat(merged.isMerged()).isTrue();
        assertThat(merged.isClosed()).isTrue();
        assertThat(merged.closedOn()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(merged.successorCorporateNumber()).isEqualTo(SUCCESSOR);
        assertThat(merged.successorName()).isEqualTo("株式会社東海統合ホールディングス");
        // 21 closed (liquidated, cause 01)
        LegalEntity closed = entity("5200079061252");
        assertThat(closed.isClosed()).isTrue();
        assertThat(closed.isMerged()).isFalse();
        assertThat(closed.closeCause()).isEqualTo("01");
        // 12 moved twice in one file: the row marked latest wins, the other is history only
        assertThat(entity("9340004345794").address()).startsWith("愛知県犬山市");
        assertThat(history("9340004345794")).hasSize(2).anyMatch(c -> !c.latest());
        // 11 renamed then corrected: the corrected row (correct = 1, latest) is the state; both are history
        LegalEntity renamed = entity("9340034881412");
        assertThat(renamed.name()).isEqualTo("株式会社ひかりシステムサービス");
        // the corrected state equals what the full file said, so the stored state stays as it was
        assertThat(history("9340034881412"))
                .extracting(LegalEntityChange::correct)
                .containsExactlyInAnyOrder(true, false);
        // 01 new
        assertThat(entity("1900000000156").process()).isEqualTo("01");
    }

    @Test
    void a_difference_file_applied_twice_changes_what_it_changed_once() {
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        load(DIFF, FileKind.DIFF, NtaEdition.UNICODE);
        String before = snapshot();
        LegalEntityRun second =
                load(SAMPLES.resolve("nta-diff-20261201_sjis.csv"), FileKind.DIFF, NtaEdition.SHIFT_JIS);
        assertThat(second.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(second.historyRows()).isZero();
        assertThat(second.added() + second.changed()).isZero();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(count("legal_entity_change")).isEqualTo(7);
    }

    @Test
    void an_older_file_applied_after_a_newer_one_does_not_undo_it() {
        load(DIFF, FileKind.DIFF, NtaEdition.UNICODE);
        LegalEntityRun older = load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        assertThat(older.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(entity(MERGED).isMerged()).isTrue();
    }

    @Test
    void each_bad_file_changes_nothing_and_the_run_says_why() throws IOException {
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        String before = snapshot();
        byte[] diff = Files.readAllBytes(SAMPLES.resolve("nta-diff-20261201_unicode.csv"));
        String text = new String(diff, StandardCharsets.UTF_8);
        String lastRow = text.substring(text.lastIndexOf("\r\n", text.length() - 3) + 2);
        var cases = List.of(
                bad(
                        "sjis-as-unicode.zip",
                        Files.readAllBytes(SAMPLES.resolve("nta-diff-20261201_sjis.zip")),
                        "WRONG_ENCODING"),
                bad("cut.zip", Arrays.copyOf(Files.readAllBytes(DIFF), 300), "TRUNCATED"),
                bad(
                        "bad-digit.csv",
                        (text + lastRow.replace("1900000000156", "1900000000157")).getBytes(StandardCharsets.UTF_8),
                        "CORPORATE_NUMBER"),
                bad(
                        "process.csv",
                        (text + lastRow.replace(",01,0,", ",02,0,")).getBytes(StandardCharsets.UTF_8),
                        "PROCESS"),
                bad("repeated-row.csv", (text + lastRow).getBytes(StandardCharsets.UTF_8), "SEQUENCE"),
                bad("31.csv", (text + lastRow.replace("\r\n", ",\r\n")).getBytes(StandardCharsets.UTF_8), "COLUMNS"));
        for (Object[] c : cases) {
            LegalEntityRun run = load((Path) c[0], FileKind.DIFF, NtaEdition.UNICODE);
            assertThat(run.outcome()).as(c[0].toString()).isEqualTo(Outcome.FAILED);
            assertThat(run.errorCode()).as(c[0].toString()).isEqualTo(c[1]);
            assertThat(snapshot()).as(c[0].toString()).isEqualTo(before);
            assertThat(count("legal_entity_change")).isZero();
            assertThat(count("legal_entity_staging")).isZero();
        }
    }

    /**
     * A very first full file goes straight into legal_entity while it is parsed (docs/decisions/0046): a bad
     * row near its end, after rows reached the server, refuses the whole file with its reason and stores
     * nothing; so does every other kind of bad file, and a number named twice.
     */
    @Test
    void a_first_full_file_with_a_bad_row_near_its_end_stores_nothing_and_the_run_says_why() throws IOException {
        for (Object[] c : badFirstFiles()) {
            assertFirstFileRefused(c);
        }
    }

    @Test
    void where_local_infile_is_refused_a_first_full_file_goes_in_as_batched_inserts_all_or_nothing()
            throws IOException {
        dsl.execute("SET GLOBAL local_infile = 0");
        try {
            for (Object[] c : badFirstFiles()) {
                assertFirstFileRefused(c);
            }
            LegalEntityRun run = load(FULL, FileKind.FULL, NtaEdition.UNICODE);
            assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(run.added()).isEqualTo(68);
            assertThat(entity(MERGED).name()).isEqualTo("知多鋳造株式会社");
            assertThat(fragments()).isNotEmpty().isEqualTo(fragmentsOfStoredNames());
        } finally {
            dsl.execute("SET GLOBAL local_infile = 1");
        }
        // the same corporations, hashes and dates as the LOAD DATA way
        String batched = snapshot();
        empty();
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        assertThat(snapshot()).isEqualTo(batched);
    }

    private void assertFirstFileRefused(Object[] c) {
        LegalEntityRun run = load((Path) c[0], FileKind.FULL, NtaEdition.UNICODE);
        assertThat(run.outcome()).as(c[0].toString()).isEqualTo(Outcome.FAILED);
        assertThat(run.errorCode()).as(c[0].toString()).isEqualTo(c[1]);
        if (c.length > 2) {
            assertThat(run.errorArgs()).as(c[0].toString()).startsWith((String) c[2]);
        }
        assertThat(count("legal_entity")).as(c[0].toString()).isZero();
        assertThat(count("legal_entity_name_fragment")).isZero();
        assertThat(count("legal_entity_change")).isZero();
        assertThat(repository.nameIndex().pending()).isFalse();
    }

    /** The sample full file (68 rows) spoilt in its 66th row, or whole. */
    private List<Object[]> badFirstFiles() throws IOException {
        String text = Files.readString(SAMPLES.resolve("nta-full-20261130_unicode.csv"), StandardCharsets.UTF_8);
        String[] rows = text.split("\r\n");
        assertThat(rows).hasSize(68);
        String number = rows[65].split(",")[1];
        char last = number.charAt(12);
        String wrong = number.substring(0, 12) + (last == '9' ? '8' : (char) (last + 1));
        return List.of(
                bad("first-bad-digit.csv", with(rows, 65, rows[65].replace(number, wrong)), "CORPORATE_NUMBER", "66"),
                bad(
                        "first-process.csv",
                        with(rows, 65, rows[65].replaceFirst("^(\\d+,\\d{13}),\\d\\d,", "$1,55,")),
                        "PROCESS",
                        "66"),
                bad("first-31.csv", with(rows, 65, rows[65] + ","), "COLUMNS", "66"),
                bad("first-29.csv", with(rows, 65, rows[65].substring(0, rows[65].lastIndexOf(','))), "COLUMNS", "66"),
                bad(
                        "first-twice.csv",
                        with(rows, 65, rows[65].replace(number, rows[10].split(",")[1])),
                        "DUPLICATE_NUMBER",
                        rows[10].split(",")[1]),
                bad(
                        "first-sjis-as-unicode.zip",
                        Files.readAllBytes(SAMPLES.resolve("nta-full-20261130_sjis.zip")),
                        "WRONG_ENCODING"),
                bad("first-cut.zip", Arrays.copyOf(Files.readAllBytes(FULL), 600), "TRUNCATED"));
    }

    private static byte[] with(String[] rows, int index, String row) {
        String[] copy = rows.clone();
        copy[index] = row;
        return (String.join("\r\n", copy) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_name_fragments_follow_each_applied_file_a_rename_replaces_them_a_move_keeps_them() throws IOException {
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        assertThat(fragments()).isNotEmpty().isEqualTo(fragmentsOfStoredNames());
        load(DIFF, FileKind.DIFF, NtaEdition.UNICODE);
        assertThat(fragments()).isEqualTo(fragmentsOfStoredNames());

        // a later rename of 9340034881412, and a move of 9340004345794 in the same file
        String text = Files.readString(SAMPLES.resolve("nta-diff-20261201_unicode.csv"), StandardCharsets.UTF_8);
        String[] rows = text.split("\r\n");
        String renamed = "1"
                + rows[1].substring(1)
                        .replace("2026-12-01", "2026-12-03")
                        .replace("株式会社ヒカリシステムサービス", "北斗電装株式会社")
                        .replace(",2015-10-05,0,", ",2015-10-05,1,");
        String moved =
                "2" + rows[4].substring(1).replace("2026-12-01", "2026-12-03").replace("犬山市,1-1", "小牧市,2-2");
        Path file = dir.resolve("rename-and-move.csv");
        Files.writeString(file, renamed + "\r\n" + moved + "\r\n", StandardCharsets.UTF_8);
        var before = fragments();
        LegalEntityRun run = load(file, FileKind.DIFF, NtaEdition.UNICODE);
        assertThat(run.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(run.changed()).isEqualTo(2);
        assertThat(entity("9340034881412").name()).isEqualTo("北斗電装株式会社");
        assertThat(entity("9340004345794").address()).startsWith("愛知県小牧市");
        var after = fragments();
        assertThat(after).isEqualTo(fragmentsOfStoredNames());
        // only the renamed corporation's fragments changed; the moved one's stayed as they were
        assertThat(difference(before, after)).allMatch(f -> f.endsWith("9340034881412"));
        assertThat(difference(after, before)).isNotEmpty().allMatch(f -> f.endsWith("9340034881412"));
        assertThat(system.callAsSystem(() -> service.candidates("北斗電装", null, null, 10)))
                .extracting(c -> c.entity().corporateNumber())
                .contains("9340034881412");
        assertThat(system.callAsSystem(() -> service.candidates("ひかりシステム", null, null, 10)))
                .extracting(c -> c.entity().corporateNumber())
                .doesNotContain("9340034881412");
    }

    private java.util.Set<String> fragments() {
        return fragments(dsl);
    }

    static java.util.Set<String> fragments(DSLContext dsl) {
        return new java.util.HashSet<>(
                dsl.fetch("SELECT CONCAT(fragment, '|', corporate_number)" + " FROM legal_entity_name_fragment")
                        .getValues(0, String.class));
    }

    /** V38's fill: what the fragments must be for the names stored now. */
    private java.util.Set<String> fragmentsOfStoredNames() {
        return fragmentsOfStoredNames(dsl);
    }

    static java.util.Set<String> fragmentsOfStoredNames(DSLContext dsl) {
        return new java.util.HashSet<>(dsl.fetch("SELECT DISTINCT CONCAT(SUBSTRING(e.name_normalized, q.seq, 8), '|',"
                        + " e.corporate_number) FROM legal_entity e JOIN seq_1_to_300 q"
                        + " ON q.seq <= CHAR_LENGTH(e.name_normalized)")
                .getValues(0, String.class));
    }

    private static java.util.Set<String> difference(java.util.Set<String> a, java.util.Set<String> b) {
        var rest = new java.util.HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    @Test
    void candidates_for_a_missing_number_come_exact_and_same_prefecture_first_and_closed_companies_marked_lower() {
        load(FULL, FileKind.FULL, NtaEdition.UNICODE);
        // demo supplier S-10056 山田鉄工所 (愛知県豊田市) has no 法人番号
        List<LegalEntityCandidate> found =
                system.callAsSystem(() -> service.candidates("山田鉄工所", "ヤマダテッコウショ", "愛知県豊田市", 10));
        assertThat(found)
                .extracting(c -> c.entity().corporateNumber())
                .containsExactly("7900000000101", "4900000000112", "1900000000123", "7900000000134");
        assertThat(found).extracting(LegalEntityCandidate::score).containsExactly(95, 80, 65, 55);
        assertThat(found.get(2).entity().isClosed()).isTrue();
        assertThat(found.get(3).match()).isEqualTo(LegalEntityCandidate.Match.CONTAINED);
        assertThat(system.callAsSystem(() -> service.candidates("㈱ 山田鉄工所", null, null, 10))
                        .get(0)
                        .match())
                .isEqualTo(LegalEntityCandidate.Match.EXACT);
    }

    /**
     * Two applies on two nodes: the second waits for the lock row the first wrote (docs/decisions/0042), not
     * for a row it only read, so on a Galera cluster with several writer nodes the two would be certified
     * against each other; here it applies once the first has committed.
     */
    @Test
    void an_apply_waits_for_the_lock_row_another_apply_wrote_until_that_one_commits() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (var first = HeldTransaction.start(transactions, () -> {
            repository.lockForApply();
            return ClusterLockProbe.writtenHere(dsl, APPLY_LOCK);
        })) {
            assertThat(first.result()).as("the lock row is written").isTrue();

            Future<LegalEntityRun> second = other.submit(() -> load(DIFF, FileKind.DIFF, NtaEdition.UNICODE));
            await().atMost(Duration.ofSeconds(40)).until(() -> ClusterLockProbe.someoneWaitsFor(dsl, APPLY_LOCK));
            assertThat(second).isNotDone();
            assertThat(count("legal_entity")).isZero();

            first.commit();
            assertThat(second.get(60, TimeUnit.SECONDS).outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(count("legal_entity")).isPositive();
            assertThat(ClusterLockProbe.holder(dsl, APPLY_LOCK))
                    .as("free again")
                    .isNull();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    @WithMockUser(roles = "RISK_MANAGER")
    void only_an_administrator_may_load_a_file() {
        assertThatThrownBy(() -> service.upload(FULL, "x.zip", FileKind.FULL, NtaEdition.UNICODE))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count("legal_entity_run")).isZero();
    }

    private Object[] bad(String name, byte[] content, String reason) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return new Object[] {file, reason};
    }

    /** A bad file whose run must name this first argument (the row, or the number). */
    private Object[] bad(String name, byte[] content, String reason, String firstArg) throws IOException {
        return new Object[] {bad(name, content, reason)[0], reason, firstArg};
    }

    private LegalEntityRun load(Path file, FileKind kind, NtaEdition edition) {
        return system.callAsSystem(() -> service.upload(file, file.getFileName().toString(), kind, edition));
    }

    private LegalEntity entity(String number) {
        return system.callAsSystem(() -> service.entity(number)).orElseThrow();
    }

    private List<LegalEntityChange> history(String number) {
        return system.callAsSystem(() -> service.historyOf(number));
    }

    private long count(String table) {
        return dsl.fetchCount(org.jooq.impl.DSL.table(table));
    }

    private String snapshot() {
        return dsl.fetch("SELECT corporate_number, content_hash, update_date FROM legal_entity ORDER BY 1")
                .formatCSV();
    }
}
