package jp.hoshimi.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.hoshimi.shared.CorporateNumber;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 15.1: a large supplier preview must block nobody, and a deadlock on a REST save is retried.
 * Real HTTP, a real 20,000-row .xlsx, real MariaDB locks held by a second connection; no timing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hoshimi.dev-db.database=hoshimi_import_locks")
class ImportConcurrencyTest {

    private static final String TOKEN = "hsm_demo_procurement_token_0001";
    private static final int NEW_ROWS = 20_000;
    private static final int EDITED = 10;
    private static final int LINK_CONTRACTS = 200;
    private static final int LINK_CHILDREN = 100;

    @LocalServerPort
    int port;

    @Autowired
    ImportService imports;

    @Autowired
    DataSource dataSource;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    record Answer(int status, JsonNode body) {}

    @Test
    @WithUserDetails("procurement")
    void a_large_preview_held_mid_way_locks_nothing_and_concurrent_creates_and_edits_of_its_suppliers_all_succeed()
            throws Exception {
        List<Long> existing = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            Answer created = send("POST", "/api/v1/suppliers", supplier("LK-E" + i, number(1, i), "編集対象株式会社" + i));
            assertThat(created.status()).isEqualTo(201);
            existing.add(created.body().get("id").asLong());
        }
        byte[] file = bigFile();
        try (Connection holder = dataSource.getConnection()) {
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            holder.setAutoCommit(false);
            // a next-key lock above every run so far: the preview's first batch of row results waits on it,
            // with the file staged and its comparison with the master under way
            long lastRun = single(holder, "select coalesce(max(id), 0) from import_run");
            query(holder, "select run_id from import_row where run_id > " + lastRun + " for update");

            long runId = imports.submit(ImportKind.SUPPLIERS, "locks.xlsx", new ByteArrayInputStream(file), false);
            await().atMost(Duration.ofMinutes(5)).until(() -> lockWaits() > 0);
            assertThat(imports.run(runId).status()).isEqualTo(ImportStatus.CHECKING);

            List<Answer> answers = concurrently(existing);

            assertThat(answers)
                    .hasSize(2 * EDITED)
                    .allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isBetween(200, 201));
            holder.rollback();
            ImportRun previewed = imports.await(runId, Duration.ofMinutes(10));
            assertThat(previewed.status()).isEqualTo(ImportStatus.PREVIEWED);
            assertThat(previewed.counts().total()).isEqualTo(NEW_ROWS + EDITED);
        }
        for (long id : existing) {
            assertThat(send("GET", "/api/v1/suppliers/" + id, null)
                            .body()
                            .get("notes")
                            .asText())
                    .isEqualTo("並行編集");
        }
    }

    /**
     * Issue 15.1 for contracts (decision 0031): a 20,000-row contract preview held mid-way (its file staged,
     * its comparison with the master under way) while other users create contracts whose numbers the file
     * holds and edit contracts the file changes, through the API: every call succeeds, none waits for the
     * preview, and the preview then finishes with every row.
     */
    @Test
    @WithUserDetails("procurement")
    void a_large_contract_preview_held_mid_way_locks_nothing_and_concurrent_contract_creates_and_edits_succeed()
            throws Exception {
        assertThat(send("POST", "/api/v1/suppliers", supplier("LKC-SUP", null, "契約並行株式会社"))
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < EDITED; i++) {
            assertThat(send("POST", "/api/v1/contracts", contract("LKC-E" + i, "編集対象契約" + i, null))
                            .status())
                    .isEqualTo(201);
        }
        byte[] file = bigContractFile();
        try (Connection holder = dataSource.getConnection()) {
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            holder.setAutoCommit(false);
            long lastRun = single(holder, "select coalesce(max(id), 0) from import_run");
            query(holder, "select run_id from import_row where run_id > " + lastRun + " for update");

            long runId =
                    imports.submit(ImportKind.CONTRACTS, "contract-locks.xlsx", new ByteArrayInputStream(file), false);
            await().atMost(Duration.ofMinutes(5)).until(() -> lockWaits() > 0);
            assertThat(imports.run(runId).status()).isEqualTo(ImportStatus.CHECKING);
            try (Connection look = dataSource.getConnection()) {
                // the file is staged (the holder's snapshot is older than the staging)
                assertThat(single(look, "select count(*) from import_contract_stage where run_id = " + runId))
                        .isEqualTo(NEW_ROWS + EDITED);
            }

            List<Answer> answers = concurrentlyOnContracts();

            assertThat(answers)
                    .hasSize(2 * EDITED)
                    .allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isBetween(200, 201));
            holder.rollback();
            ImportRun previewed = imports.await(runId, Duration.ofMinutes(10));
            assertThat(previewed.status()).isEqualTo(ImportStatus.PREVIEWED);
            assertThat(previewed.counts().total()).isEqualTo(NEW_ROWS + EDITED);
            assertThat(previewed.counts().error()).isZero();
        }
        for (int i = 0; i < EDITED; i++) {
            assertThat(send("GET", "/api/v1/contracts/LKC-E" + i, null)
                            .body()
                            .get("title")
                            .asText())
                    .isEqualTo("並行編集" + i);
            assertThat(send("GET", "/api/v1/contracts/LKC-C" + i, null).status())
                    .isEqualTo(200);
        }
        assertThat(send("GET", "/api/v1/contracts/LKC-N" + (NEW_ROWS - 1), null).status())
                .as("a preview writes no contract")
                .isEqualTo(404);
    }

    private List<Answer> concurrentlyOnContracts() throws Exception {
        List<Supplier<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            int n = i;
            // a number the file holds too: the create must not wait for the preview
            calls.add(() -> send("POST", "/api/v1/contracts", contract("LKC-C" + n, "並行作成契約" + n, null)));
            calls.add(() -> editContract("LKC-E" + n, "並行編集" + n));
        }
        return inParallel(calls);
    }

    private Answer editContract(String number, String title) {
        int version = send("GET", "/api/v1/contracts/" + number, null)
                .body()
                .get("version")
                .asInt();
        return send("PUT", "/api/v1/contracts/" + number, contract(number, title, version));
    }

    private ObjectNode contract(String number, String title, Integer version) {
        ObjectNode node = json.createObjectNode()
                .put("contractNumber", number)
                .put("title", title)
                .put("supplierCode", "LKC-SUP")
                .put("orgUnitCode", "HMC-PUR")
                .put("handlesConfidential", false)
                .put("businessCritical", false)
                .put("networkAccess", false)
                .put("requiredLevel", "STAR3");
        if (version != null) {
            node.put("version", version);
        }
        return node;
    }

    /** The edited contracts under new titles, then the numbers created concurrently, then 20,000 new rows. */
    private static byte[] bigContractFile() {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("契約");
            int r = 0;
            String[] header = {"契約番号", "件名", "取引先コード", "組織コード", "機密情報の取扱い", "停止時の影響大", "社内システム接続", "要求レベル"};
            row(sheet, r++, header);
            for (int i = 0; i < EDITED; i++) {
                row(sheet, r++, "LKC-E" + i, "取込で改題" + i, "LKC-SUP", "HMC-PUR", "いいえ", "いいえ", "いいえ", "★3");
            }
            for (int i = 0; i < NEW_ROWS; i++) {
                String number = i < EDITED ? "LKC-C" + i : "LKC-N" + i;
                row(sheet, r++, number, "大量取込契約" + i, "LKC-SUP", "HMC-PUR", "いいえ", "いいえ", "いいえ", "★3");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Issue 15.1 for sub-contractor links (decision 0035): a 20,000-row link preview held mid-way (its file
     * staged, its comparison with the chains under way) while other users, through the API, create suppliers,
     * edit suppliers the file names, add links the file holds as new and edit links the file changes: every
     * call succeeds, none waits for the preview, and the preview then finishes with every row and no error.
     */
    @Test
    @WithUserDetails("procurement")
    void a_large_link_preview_held_mid_way_locks_nothing_and_concurrent_supplier_and_link_edits_succeed()
            throws Exception {
        List<Long> named = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            Answer created = send("POST", "/api/v1/suppliers", supplier("LKL-S" + i, null, "再委託並行株式会社" + i));
            assertThat(created.status()).isEqualTo(201);
            named.add(created.body().get("id").asLong());
        }
        StringBuilder more = new StringBuilder("取引先コード,取引先名\r\nLKL-SUP,再委託元株式会社\r\n");
        for (int i = EDITED; i < LINK_CHILDREN; i++) {
            more.append("LKL-S").append(i).append(",再委託並行株式会社").append(i).append("\r\n");
        }
        assertThat(applied(ImportKind.SUPPLIERS, more)).isEqualTo(ImportStatus.APPLIED);
        StringBuilder contracts = new StringBuilder("契約番号,件名,取引先コード,組織コード,機密情報の取扱い,停止時の影響大,社内システム接続,要求レベル\r\n");
        for (int k = 0; k <= LINK_CONTRACTS; k++) {
            String number = k == LINK_CONTRACTS ? "LKL-E" : String.format("LKL-K%03d", k);
            contracts.append(number).append(",再委託契約,LKL-SUP,HMC-PUR,いいえ,いいえ,いいえ,★3\r\n");
        }
        assertThat(applied(ImportKind.CONTRACTS, contracts)).isEqualTo(ImportStatus.APPLIED);
        List<Long> links = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            Answer added = send(
                    "POST",
                    "/api/v1/contracts/LKL-E/subcontractors",
                    json.createObjectNode()
                            .put("childSupplierCode", "LKL-S" + i)
                            .put("note", "当初"));
            assertThat(added.status()).as("%s", added.body()).isEqualTo(201);
            links.add(added.body().get("id").asLong());
        }
        byte[] file = bigLinkFile();
        try (Connection holder = dataSource.getConnection()) {
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            holder.setAutoCommit(false);
            long lastRun = single(holder, "select coalesce(max(id), 0) from import_run");
            query(holder, "select run_id from import_row where run_id > " + lastRun + " for update");

            long runId =
                    imports.submit(ImportKind.SUBCONTRACTING, "link-locks.xlsx", new ByteArrayInputStream(file), false);
            await().atMost(Duration.ofMinutes(5)).until(() -> lockWaits() > 0);
            assertThat(imports.run(runId).status()).isEqualTo(ImportStatus.CHECKING);
            try (Connection look = dataSource.getConnection()) {
                assertThat(single(look, "select count(*) from import_link_stage where run_id = " + runId))
                        .isEqualTo(LINK_CONTRACTS * LINK_CHILDREN + EDITED);
            }

            List<Answer> answers = concurrentlyOnLinks(named, links);

            assertThat(answers)
                    .hasSize(4 * EDITED)
                    .allSatisfy(a -> assertThat(a.status()).as("%s", a.body()).isBetween(200, 201));
            holder.rollback();
            ImportRun previewed = imports.await(runId, Duration.ofMinutes(10));
            assertThat(previewed.status()).isEqualTo(ImportStatus.PREVIEWED);
            assertThat(previewed.counts().total()).isEqualTo(LINK_CONTRACTS * LINK_CHILDREN + EDITED);
            assertThat(previewed.counts().error()).isZero();
            assertThat(previewed.counts().changed()).isEqualTo(EDITED);
        }
        JsonNode chain =
                send("GET", "/api/v1/contracts/LKL-E/subcontractors", null).body();
        assertThat(chain)
                .hasSize(EDITED)
                .allSatisfy(link -> assertThat(link.get("note").asText()).isEqualTo("並行編集"));
        assertThat(send("GET", "/api/v1/contracts/LKL-K000/subcontractors", null)
                        .body())
                .as("the links created concurrently, and none of the preview's")
                .hasSize(EDITED);
        assertThat(send("GET", String.format("/api/v1/contracts/LKL-K%03d/subcontractors", LINK_CONTRACTS - 1), null)
                        .body())
                .as("a preview writes no link")
                .isEmpty();
        for (long id : named) {
            assertThat(send("GET", "/api/v1/suppliers/" + id, null)
                            .body()
                            .get("notes")
                            .asText())
                    .isEqualTo("並行編集");
        }
    }

    private ImportStatus applied(ImportKind kind, StringBuilder csv) {
        return imports.runToEnd(
                        kind,
                        kind.name() + ".csv",
                        new ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        false,
                        Duration.ofMinutes(2))
                .status();
    }

    private List<Answer> concurrentlyOnLinks(List<Long> suppliers, List<Long> links) throws Exception {
        List<Supplier<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            int n = i;
            long supplierId = suppliers.get(i);
            long linkId = links.get(i);
            ObjectNode fresh = supplier("LKL-C" + i, null, "並行作成再委託株式会社" + i);
            calls.add(() -> send("POST", "/api/v1/suppliers", fresh));
            // a supplier the file names
            calls.add(() -> edit(supplierId));
            // a link the file holds as new
            calls.add(() -> send(
                    "POST",
                    "/api/v1/contracts/LKL-K000/subcontractors",
                    json.createObjectNode().put("childSupplierCode", "LKL-S" + n)));
            // a link the file changes
            calls.add(() -> editLink(linkId));
        }
        return inParallel(calls);
    }

    /** Runs the calls on four threads at once and returns their answers in order. */
    private static List<Answer> inParallel(List<Supplier<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Answer>> running = new ArrayList<>();
            for (Supplier<Answer> call : calls) {
                running.add(CompletableFuture.supplyAsync(call, pool));
            }
            List<Answer> answers = new ArrayList<>();
            for (CompletableFuture<Answer> call : running) {
                answers.add(call.get());
            }
            return answers;
        } finally {
            pool.shutdown();
        }
    }

    private Answer editLink(long linkId) {
        JsonNode link = null;
        for (JsonNode l :
                send("GET", "/api/v1/contracts/LKL-E/subcontractors", null).body()) {
            link = l.get("id").asLong() == linkId ? l : link;
        }
        return send(
                "PUT",
                "/api/v1/contracts/LKL-E/subcontractors/" + linkId + "?version="
                        + link.get("version").asInt(),
                json.createObjectNode().put("note", "並行編集"));
    }

    /**
     * The edited links (LKL-E) with a new note, then {@value #LINK_CHILDREN} first-tier sub-contractors under each
     * of {@value #LINK_CONTRACTS} contracts: 20,000 new links.
     */
    private static byte[] bigLinkFile() {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("再委託");
            int r = 0;
            row(sheet, r++, "契約番号", "委託元取引先コード", "再委託先取引先コード", "備考");
            for (int i = 0; i < EDITED; i++) {
                row(sheet, r++, "LKL-E", "", "LKL-S" + i, "取込で変更");
            }
            for (int k = 0; k < LINK_CONTRACTS; k++) {
                for (int i = 0; i < LINK_CHILDREN; i++) {
                    row(sheet, r++, String.format("LKL-K%03d", k), "", "LKL-S" + i, "大量取込");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_deadlock_on_a_rest_save_is_retried_and_the_save_succeeds() throws Exception {
        try (Connection holder = dataSource.getConnection()) {
            holder.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            holder.setAutoCommit(false);
            long supplierId = single(holder, "select supplier_id from contract group by supplier_id limit 1");
            JsonNode before =
                    send("GET", "/api/v1/suppliers/" + supplierId, null).body();
            long deadlocksBefore = deadlocks(holder);
            // a heavy transaction, so that MariaDB chooses the REST save as the deadlock's victim
            query(holder, "select 1");
            try (Statement s = holder.createStatement()) {
                s.executeUpdate("insert into audit_event (occurred_at, actor, entity_type, entity_id, action)"
                        + " select utc_timestamp(6), 'lock-test', 'test', seq, 'CREATE' from seq_1_to_3000");
            }
            query(holder, "select id from contract where supplier_id = " + supplierId + " for update");

            ObjectNode renamed = ((ObjectNode) before.deepCopy())
                    .put("name", before.get("name").asText() + " 再試行");
            CompletableFuture<Answer> save =
                    CompletableFuture.supplyAsync(() -> send("PUT", "/api/v1/suppliers/" + supplierId, renamed));
            // the save holds the supplier row and waits for the contracts' sort keys; now we want its row
            await().atMost(Duration.ofMinutes(2)).until(() -> lockWaits() > 0);
            query(holder, "select id from supplier where id = " + supplierId + " for update");
            holder.rollback();

            Answer answer = save.get();
            assertThat(answer.status()).as("%s", answer.body()).isEqualTo(200);
            assertThat(answer.body().get("name").asText()).endsWith(" 再試行");
            assertThat(deadlocks(holder)).isGreaterThan(deadlocksBefore);
        }
    }

    private List<Answer> concurrently(List<Long> existing) throws Exception {
        List<Supplier<Answer>> calls = new ArrayList<>();
        for (int i = 0; i < EDITED; i++) {
            long id = existing.get(i);
            // a code the file holds too: the create must not wait for the preview
            ObjectNode fresh = supplier("LK-C" + i, null, "並行作成株式会社" + i);
            calls.add(() -> send("POST", "/api/v1/suppliers", fresh));
            calls.add(() -> edit(id));
        }
        return inParallel(calls);
    }

    private Answer edit(long id) {
        ObjectNode current =
                (ObjectNode) send("GET", "/api/v1/suppliers/" + id, null).body();
        current.put("notes", "並行編集");
        return send("PUT", "/api/v1/suppliers/" + id, current);
    }

    /** The edited suppliers under new names, then the codes created concurrently, then 20,000 new rows. */
    private static byte[] bigFile() {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("取引先");
            int r = 0;
            row(sheet, r++, "取引先コード", "法人番号", "取引先名");
            for (int i = 0; i < EDITED; i++) {
                row(sheet, r++, "LK-E" + i, number(1, i), "編集対象株式会社" + i + " 改");
            }
            for (int i = 0; i < NEW_ROWS; i++) {
                row(sheet, r++, i < EDITED ? "LK-C" + i : "LK-N" + i, number(2, i), "大量取込株式会社" + i);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int r, String... values) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c]);
        }
    }

    private static String number(int group, int i) {
        return CorporateNumber.withCheckDigit(String.format("91%d%09d", group, i));
    }

    private ObjectNode supplier(String code, String corporateNumber, String name) {
        ObjectNode node = json.createObjectNode().put("supplierCode", code).put("name", name);
        if (corporateNumber != null) {
            node.put("corporateNumber", corporateNumber);
        }
        return node;
    }

    private Answer send(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body().isEmpty() ? null : json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long lockWaits() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return single(c, "select count(*) from information_schema.innodb_trx where trx_state = 'LOCK WAIT'");
        }
    }

    private static long deadlocks(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show global status like 'Innodb_deadlocks'")) {
            return rs.next() ? rs.getLong(2) : 0;
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                // read to the end: the locks are taken as the rows are read
            }
        }
    }
}
