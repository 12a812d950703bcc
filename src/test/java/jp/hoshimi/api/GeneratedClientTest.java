package jp.hoshimi.api;

import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.IMPORT_RUN;
import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.hoshimi.client.ApiClient;
import jp.hoshimi.client.api.ComplianceApi;
import jp.hoshimi.client.api.ContractsApi;
import jp.hoshimi.client.api.ImportsApi;
import jp.hoshimi.client.api.RegisterApi;
import jp.hoshimi.client.api.SuppliersApi;
import jp.hoshimi.client.model.ApiError;
import jp.hoshimi.client.model.ContractDetails;
import jp.hoshimi.client.model.ContractJson;
import jp.hoshimi.client.model.ContractRequest;
import jp.hoshimi.client.model.FindingsJson;
import jp.hoshimi.client.model.ImportResult;
import jp.hoshimi.client.model.LinkJson;
import jp.hoshimi.client.model.LinkRequest;
import jp.hoshimi.client.model.SupplierDetails;
import jp.hoshimi.client.model.SupplierJson;
import jp.hoshimi.client.model.SupplierListItem;
import jp.hoshimi.client.model.SupplierRequest;
import jp.hoshimi.client.model.SyncRun;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;

/**
 * An integrator's view (issue 18): only the Java client that the build generates from the committed OpenAPI
 * document (pom.xml, openapi-generator, library resttemplate), a real token and real HTTP to the running app. If
 * the document lies about a path, a parameter, a type or a status, this fails to compile or fails;
 * {@link OpenApiDocumentTest} keeps that document equal to what /api/docs serves.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GeneratedClientTest {

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    SuppliersApi suppliers;
    ComplianceApi compliance;
    ApiClient client;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.setBasePath("http://localhost:" + port);
        client.setBearerToken(RestApiTest.RISK); // the description's bearerAuth scheme
        client.addDefaultHeader("Accept-Language", "en");
        suppliers = new SuppliersApi(client);
        compliance = new ComplianceApi(client);
    }

    @AfterEach
    void removeWhatTheClientCreated() {
        dsl.deleteFrom(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.startsWith("GEN-"))
                .execute();
        dsl.deleteFrom(IMPORT_RUN)
                .where(IMPORT_RUN.FILE_NAME.startsWith("gen-"))
                .execute();
        dsl.deleteFrom(SUPPLIER)
                .where(SUPPLIER.SUPPLIER_CODE.startsWith("GEN-"))
                .execute();
    }

    @Test
    void the_generated_client_pages_through_a_filtered_supplier_list() throws Exception {
        List<String> ok = List.of(SupplierListItem.StatusEnum.OK.getValue());
        ResponseEntity<List<SupplierListItem>> first = suppliers.suppliersListWithHttpInfo(null, null, null, ok, 0, 2);

        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getBody())
                .hasSize(2)
                .allSatisfy(s -> assertThat(s.getStatus()).isEqualTo(SupplierListItem.StatusEnum.OK));
        int total = Integer.parseInt(header(first, "X-Total-Count"));
        assertThat(total).isGreaterThan(2);
        assertThat(header(first, "Link")).contains("rel=\"next\"");
        assertThat(header(first, "X-Register-Stale")).isIn("true", "false");

        Set<Long> seen = new HashSet<>();
        for (int offset = 0; offset < total; offset += 50) {
            List<SupplierListItem> page = suppliers.suppliersList(null, null, null, ok, offset, 50);
            page.forEach(s -> seen.add(s.getId()));
        }
        assertThat(seen).as("every OK supplier once, over the pages").hasSize(total);
    }

    @Test
    void the_generated_client_creates_a_supplier_and_reads_an_evaluation() throws Exception {
        SupplierDetails created = suppliers.suppliersCreate(new SupplierRequest()
                .corporateNumber("５１１１１０１０００００６")
                .supplierCode("GEN-1")
                .name("株式会社ジェネレイテッド"));

        assertThat(created.getId()).isPositive();
        assertThat(created.getCorporateNumber()).isEqualTo("5111101000006");
        assertThat(created.getVersion()).isZero();
        assertThat(suppliers.suppliersList("5111101000006", null, null, null, null, null))
                .singleElement()
                .satisfies(s -> assertThat(s.getId()).isEqualTo(created.getId()));

        // a demo supplier with a registration: its evaluation, with how current the register is
        SupplierListItem demo =
                suppliers.suppliersList(null, "S-10029", null, null, null, 1).get(0);
        SupplierJson evaluation = compliance.complianceSupplier(demo.getId());
        assertThat(evaluation.getSupplierId()).isEqualTo(demo.getId());
        // the status is a typed enum of the generated client, not a string to compare by hand
        assertThat(evaluation.getStatus()).isNotNull();
        assertThat(evaluation.getFindings())
                .allSatisfy(finding -> assertThat(finding.getStatus()).isNotNull());
        assertThat(evaluation.getFindings()).isNotEmpty();
        assertThat(evaluation.getStale()).isNotNull();
    }

    @Test
    void the_generated_client_reads_a_4xx_as_the_typed_error_body() throws Exception {
        HttpClientErrorException tooMany = catchThrowableOfType(
                HttpClientErrorException.class, () -> suppliers.suppliersList(null, null, null, null, 0, 5000));
        HttpClientErrorException missing =
                catchThrowableOfType(HttpClientErrorException.class, () -> suppliers.suppliersRead(Long.MAX_VALUE));
        ObjectMapper json = new ObjectMapper();

        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        ApiError badLimit = json.readValue(tooMany.getResponseBodyAsString(), ApiError.class);
        assertThat(badLimit.getCode()).isEqualTo("BAD_REQUEST");
        assertThat(badLimit.getMessage()).contains("limit", "1 to 1000");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        ApiError notFound = json.readValue(missing.getResponseBodyAsString(), ApiError.class);
        assertThat(notFound.getCode()).isEqualTo("NOT_FOUND");
    }

    /**
     * What an ERP job does, in order, through the generated client only: suppliers and a contract with a chain,
     * a CSV import, a register sync waited for until its evaluation is done, the contract's evaluation and the
     * findings by status — then each error the description documents, read as its typed body.
     */
    @Test
    void an_erp_job_files_a_contract_with_a_chain_imports_syncs_and_reads_the_findings() throws Exception {
        ContractsApi contracts = new ContractsApi(client);
        SupplierDetails unregistered = suppliers.suppliersCreate(new SupplierRequest()
                .corporateNumber("5111101000006")
                .supplierCode("GEN-10")
                .name("株式会社ジェネレイテッド下請"));
        ContractDetails contract = contracts.contractsCreate(new ContractRequest()
                .contractNumber("GEN-2026-0001")
                .title("生成クライアントの契約")
                .supplierCode("S-10002")
                .orgUnitCode("HMC-ELE")
                .ownerUsername("procurement")
                .startDate(LocalDate.of(2026, 4, 1))
                .endDate(LocalDate.of(2027, 3, 31))
                .handlesConfidential(true)
                .businessCritical(false)
                .networkAccess(false)
                .requiredLevel(ContractRequest.RequiredLevelEnum.STAR4));
        contracts.contractsAddLink(
                contract.getContractNumber(),
                new LinkRequest().childSupplierCode("GEN-10").confidentialDataFlows(true));
        assertThat(contracts.contractsChain(contract.getContractNumber())).hasSize(1);

        Path csv = Files.createTempFile("gen-", ".csv");
        Files.writeString(
                csv, "取引先名,法人番号,取引先コード\n株式会社ジェネレイテッド一,8111101000011,GEN-20\n" + "株式会社ジェネレイテッド二,7111101000012,GEN-21\n");
        ImportResult imported = new ImportsApi(client).importsImportFile("suppliers", csv.toFile(), false);
        Files.delete(csv);
        assertThat(imported.getStatus()).isEqualTo(ImportResult.StatusEnum.APPLIED);
        assertThat(imported.getCounts().getAdded()).isEqualTo(2);
        assertThat(suppliers.suppliersList(null, "GEN-2", null, null, null, null))
                .hasSize(2);

        // the sync answers at once; the job waits until the evaluation that follows it is done
        ApiClient admin = new ApiClient();
        admin.setBasePath(client.getBasePath());
        admin.setBearerToken(IntegratorApiTest.ADMIN);
        RegisterApi register = new RegisterApi(admin);
        long runId = register.registerStartSync("STAR").getRunId();
        await().atMost(Duration.ofMinutes(2))
                .until(() -> register.registerRun(runId).getEvaluatedAt() != null);
        assertThat(register.registerRun(runId).getOutcome())
                .isIn(SyncRun.OutcomeEnum.SUCCEEDED, SyncRun.OutcomeEnum.NOT_MODIFIED);

        ContractJson evaluated = compliance.complianceContract(contract.getContractNumber());
        assertThat(evaluated.getLinks())
                .filteredOn(link -> link.getSupplierId().equals(unregistered.getId()))
                .singleElement()
                .satisfies(link -> {
                    assertThat(link.getStatus()).isEqualTo(LinkJson.StatusEnum.MISSING);
                    assertThat(link.getRequiredLevel()).isEqualTo(LinkJson.RequiredLevelEnum.STAR4);
                    assertThat(link.getReasonCode()).isNotNull();
                });
        FindingsJson missing = compliance.complianceFindings(List.of("MISSING"), 0, 1000);
        assertThat(missing.getFindings())
                .allSatisfy(f -> assertThat(f.getStatus()).isEqualTo(LinkJson.StatusEnum.MISSING))
                .anySatisfy(f -> assertThat(f.getContractNumber()).isEqualTo(contract.getContractNumber()));

        // the documented errors, each as the typed body: 400, 401, 403, 404, 412, 422
        ApiClient stranger = new ApiClient();
        stranger.setBasePath(client.getBasePath());
        stranger.setBearerToken("hsm_not_a_token");
        ApiClient auditor = new ApiClient();
        auditor.setBasePath(client.getBasePath());
        auditor.setBearerToken(RestApiTest.AUDITOR);
        assertThat(error(() -> compliance.complianceFindings(List.of("MISSING"), 0, 5000)))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("BAD_REQUEST"));
        assertThat(error(() -> new SuppliersApi(stranger).suppliersList(null, null, null, null, 0, 1)))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("UNAUTHORIZED"));
        assertThat(error(() -> new SuppliersApi(auditor)
                        .suppliersCreate(
                                new SupplierRequest().supplierCode("GEN-99").name("監査は作れない"))))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("FORBIDDEN"));
        assertThat(error(() -> contracts.contractsRead("GEN-NO-SUCH")))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("NOT_FOUND"));
        assertThat(error(() -> contracts.contractsUpdate(
                        contract.getContractNumber(), new ContractRequest().title("古い版の上書き"), "\"12345\"")))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("PRECONDITION_FAILED"));
        assertThat(error(() -> suppliers.suppliersCreate(new SupplierRequest()
                        .corporateNumber("1234")
                        .supplierCode("GEN-98")
                        .name("誤った番号"))))
                .satisfies(e -> assertThat(e.getCode()).isEqualTo("VALIDATION_FAILED"));
    }

    /** The typed error body of a call that must fail with a 4xx. */
    private static ApiError error(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) throws Exception {
        HttpClientErrorException e = catchThrowableOfType(HttpClientErrorException.class, call);
        assertThat(e).as("a 4xx").isNotNull();
        return new ObjectMapper().readValue(e.getResponseBodyAsString(), ApiError.class);
    }

    private static String header(ResponseEntity<?> response, String name) {
        String value = response.getHeaders().getFirst(name);
        assertThat(value).as("%s in %s", name, response.getHeaders()).isNotNull();
        return value;
    }
}
