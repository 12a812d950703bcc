package jp.hoshimi.organisation;

import static jp.hoshimi.db.Tables.API_TOKEN;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.SignedIn;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.security.ApiTokenService;
import jp.hoshimi.shared.NotFoundException;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.ApiTokenPrincipal;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The data scope (DESIGN.md "org_unit"): a user sees the contracts of their units and every unit below
 * them, another unit's contract is "not found" in the service and the API, the system and group-wide roles
 * see the group, and a token acts in its own unit. Against the demo units: 星見自動車 (HMC) with 購買部,
 * 電子部品調達部, 物流部; 星見精工 (HSK) with 調達課, 情報システム部.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataScopeTest {

    private static final String PREFIX = "T16-SCOPE";

    @LocalServerPort
    int port;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    ContractService contracts;

    @Autowired
    SupplierService suppliers;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    DSLContext dsl;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void removeWhatTheTestCreated() {
        dsl.deleteFrom(CONTRACT)
                .where(CONTRACT.CONTRACT_NUMBER.startsWith(PREFIX))
                .execute();
        dsl.deleteFrom(API_TOKEN).where(API_TOKEN.NAME.startsWith(PREFIX)).execute();
        dsl.deleteFrom(ORG_UNIT).where(ORG_UNIT.CODE.startsWith(PREFIX)).execute();
    }

    private <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(users, contexts, username, work);
    }

    private long unit(String code) {
        return DemoUnits.id(orgUnits, system, code);
    }

    private Set<String> codesInScopeOf(String username) {
        return as(username, orgUnits::unitsInScope).stream().map(OrgUnit::code).collect(Collectors.toSet());
    }

    @Test
    void a_procurement_user_works_in_their_units_and_every_unit_below_and_in_nothing_else() {
        assertThat(codesInScopeOf("procurement")).containsExactlyInAnyOrder("HMC-PUR", "HMC-ELE");
        assertThat(codesInScopeOf("procurement2")).containsExactlyInAnyOrder("HSK", "HSK-PUR", "HSK-IT");

        DataScope scope = as("procurement2", orgUnits::currentScope);
        assertThat(scope.groupWide()).isFalse();
        assertThat(scope.includes(unit("HSK-IT"))).isTrue();
        assertThat(scope.includes(unit("HMC-PUR"))).isFalse();
    }

    @Test
    void group_wide_risk_managers_auditors_and_the_system_see_the_whole_group() {
        assertThat(as("risk", orgUnits::currentScope).groupWide()).isTrue();
        assertThat(as("auditor", orgUnits::currentScope).groupWide()).isTrue();
        assertThat(system.callAsSystem(orgUnits::currentScope).groupWide()).isTrue();
        assertThat(codesInScopeOf("risk"))
                .hasSize(system.callAsSystem(orgUnits::all).size());
    }

    @Test
    void a_procurement_user_marked_group_wide_still_works_only_in_their_units() {
        Membership before = system.callAsSystem(orgUnits::memberships).stream()
                .filter(m -> m.username().equals("procurement2"))
                .findFirst()
                .orElseThrow();
        try {
            system.runAsSystem(() -> orgUnits.assign(before.userId(), before.unitIds(), true));

            assertThat(as("procurement2", orgUnits::currentScope).groupWide()).isFalse();
            assertThat(codesInScopeOf("procurement2")).containsExactlyInAnyOrder("HSK", "HSK-PUR", "HSK-IT");
        } finally {
            system.runAsSystem(() -> orgUnits.assign(before.userId(), before.unitIds(), before.groupWide()));
        }
    }

    @Test
    void nobody_signed_in_has_no_scope_at_all() {
        assertThatThrownBy(() -> orgUnits.currentScope())
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void a_token_bound_to_a_unit_acts_in_it_and_below_and_an_unbound_procurement_token_in_nothing() {
        DataScope company = asToken(Role.PROCUREMENT, unit("HMC"));
        assertThat(company.groupWide()).isFalse();
        assertThat(company.unitIds())
                .containsExactlyInAnyOrder(unit("HMC"), unit("HMC-PUR"), unit("HMC-ELE"), unit("HMC-LOG"));

        assertThat(asToken(Role.PROCUREMENT, null).unitIds()).isEmpty();
        assertThat(asToken(Role.PROCUREMENT, null).groupWide()).isFalse();
        assertThat(asToken(Role.RISK_MANAGER, null).groupWide()).isTrue();
        assertThat(asToken(Role.AUDITOR, unit("HSK-IT")).unitIds()).containsExactly(unit("HSK-IT"));
    }

    private DataScope asToken(Role role, Long unitId) {
        var previous = contexts.getContext();
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new ApiTokenPrincipal(0, PREFIX + "-token", role, unitId),
                null,
                List.of(new SimpleGrantedAuthority(role.authority()))));
        contexts.setContext(context);
        try {
            return orgUnits.currentScope();
        } finally {
            contexts.setContext(previous);
        }
    }

    @Test
    void a_new_sub_unit_is_in_its_parents_scope_at_once_and_another_companys_user_and_token_cannot_touch_it()
            throws Exception {
        long sub = system.callAsSystem(() -> orgUnits.create(PREFIX + "-SUB", "購買部 第二課", unit("HMC-PUR")));
        long id = as("procurement", () -> contracts.create(form(PREFIX + "-1", sub)));

        // the parent unit's member sees it, in the service and through the API with the 購買部 token
        assertThat(as("procurement", () -> contracts.find(id))).isPresent();
        assertThat(codesInScopeOf("procurement")).contains(PREFIX + "-SUB");
        assertThat(as("procurement", () -> contracts.count(byNumber()).value())).isEqualTo(1);
        assertThat(get("/api/v1/contracts/" + PREFIX + "-1", "hsm_demo_procurement_token_0001"))
                .isEqualTo(200);

        // the other company's user: not found by id, by number, in lists; cannot change it
        ContractDetails contract = system.callAsSystem(() -> contracts.find(id)).orElseThrow();
        assertThat(as("procurement2", () -> contracts.find(id))).isEmpty();
        assertThat(as("procurement2", () -> contracts.findByNumber(PREFIX + "-1")))
                .isEmpty();
        assertThat(as("procurement2", () -> contracts.count(byNumber()).value()))
                .isZero();
        assertThatThrownBy(() -> as("procurement2", () -> contracts.update(id, contract.version(), contract.toForm())))
                .isInstanceOf(NotFoundException.class);

        // … and the other company's token over HTTP
        String hsk = system.callAsSystem(() -> tokens.create(PREFIX + "-hsk", Role.PROCUREMENT, unit("HSK")));
        assertThat(get("/api/v1/contracts/" + PREFIX + "-1", hsk)).isEqualTo(404);
        assertThat(send("DELETE", "/api/v1/contracts/" + PREFIX + "-1?version=" + contract.version(), hsk))
                .isEqualTo(404);
        assertThat(send("PUT", "/api/v1/contracts/" + PREFIX + "-1", hsk)).isEqualTo(404);

        assertThat(system.callAsSystem(() -> contracts.find(id)))
                .get()
                .extracting(ContractDetails::version)
                .isEqualTo(contract.version());
    }

    private static ContractFilter byNumber() {
        return new ContractFilter(PREFIX, null, null, null, null);
    }

    private ContractForm form(String number, long unitId) {
        long supplier = system.callAsSystem(() -> suppliers.findByCode("S-10002"))
                .orElseThrow()
                .id();
        return new ContractForm(
                number,
                "範囲のテスト",
                supplier,
                unitId,
                null,
                LocalDate.of(2026, 4, 1),
                LocalDate.of(2027, 3, 31),
                new DecisionChart(false, false, false),
                RequiredLevel.STAR3,
                null);
    }

    private int get(String path, String token) throws Exception {
        return send("GET", path, token);
    }

    private int send(String method, String path, String token) throws Exception {
        String body = method.equals("PUT") ? """
                {"contractNumber":"%s-1","title":"書き換え","supplierCode":"S-10002","orgUnitCode":"HSK",
                 "startDate":"2026-04-01","endDate":"2027-03-31","handlesConfidential":false,
                 "businessCritical":false,"networkAccess":false,"requiredLevel":"NONE","version":0}""".formatted(PREFIX) : null;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
