package jp.hoshimi.api;

import static jp.hoshimi.db.Tables.SUPPLIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.hoshimi.client.ApiClient;
import jp.hoshimi.client.api.ComplianceApi;
import jp.hoshimi.client.api.SuppliersApi;
import jp.hoshimi.client.model.ApiError;
import jp.hoshimi.client.model.SupplierDetails;
import jp.hoshimi.client.model.SupplierJson;
import jp.hoshimi.client.model.SupplierListItem;
import jp.hoshimi.client.model.SupplierRequest;
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

    private static String header(ResponseEntity<?> response, String name) {
        String value = response.getHeaders().getFirst(name);
        assertThat(value).as("%s in %s", name, response.getHeaders()).isNotNull();
        return value;
    }
}
