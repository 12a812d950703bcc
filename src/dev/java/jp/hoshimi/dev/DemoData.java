package jp.hoshimi.dev;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.hoshimi.contract.ContractFilter;
import jp.hoshimi.contract.ContractForm;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.contract.DecisionChart;
import jp.hoshimi.contract.LevelDecisionService;
import jp.hoshimi.contract.LevelDecisionState;
import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.security.ApiTokenService;
import jp.hoshimi.security.NewUser;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.security.UserSummary;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.subcontracting.LinkForm;
import jp.hoshimi.subcontracting.SubcontractingService;
import jp.hoshimi.supplier.SupplierDetails;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per role) and demo suppliers from sample-data/, loaded on the first start of the
 * embedded development database (not when a database is configured). Never part of the production jar.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "hoshimi.dev-db.active", havingValue = "true")
// off for a production-like start on the embedded database: no demo users or data (issue 24)
@ConditionalOnBooleanProperty(name = "hoshimi.dev.demo-data", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "hoshimi-demo";
    static final List<NewUser> DEMO_USERS = List.of(
            new NewUser(
                    "procurement",
                    "調達 花子 (Procurement)",
                    "procurement@example.jp",
                    DEMO_PASSWORD,
                    Set.of(Role.PROCUREMENT)),
            new NewUser("risk", "リスク 太郎 (Risk manager)", "risk@example.jp", DEMO_PASSWORD, Set.of(Role.RISK_MANAGER)),
            new NewUser("admin", "管理 一郎 (Administrator)", "admin@example.jp", DEMO_PASSWORD, Set.of(Role.ADMIN)),
            new NewUser(
                    "procurement2",
                    "精工 三郎 (Procurement, 星見精工)",
                    "procurement2@example.jp",
                    DEMO_PASSWORD,
                    Set.of(Role.PROCUREMENT)),
            new NewUser("auditor", "監査 次郎 (Auditor)", "auditor@example.jp", DEMO_PASSWORD, Set.of(Role.AUDITOR)),
            // a second risk manager: exceptions need four eyes (issue 20)
            new NewUser(
                    "risk2", "リスク 花子 (Risk manager 2)", "risk2@example.jp", DEMO_PASSWORD, Set.of(Role.RISK_MANAGER)));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccountService accounts;
    private final SupplierService suppliers;
    private final OrgUnitService orgUnits;
    private final ContractService contracts;
    private final SubcontractingService chains;
    private final ApiTokenService apiTokens;
    private final SystemAuthentication system;
    private final LevelDecisionService levelDecisions;
    private final UserDetailsService userDetails;
    private final SecurityContextHolderStrategy contexts;

    DemoData(
            UserAccountService accounts,
            SupplierService suppliers,
            OrgUnitService orgUnits,
            ContractService contracts,
            SubcontractingService chains,
            ApiTokenService apiTokens,
            SystemAuthentication system,
            LevelDecisionService levelDecisions,
            UserDetailsService userDetails,
            SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
        this.levelDecisions = levelDecisions;
        this.userDetails = userDetails;
        this.accounts = accounts;
        this.suppliers = suppliers;
        this.orgUnits = orgUnits;
        this.contracts = contracts;
        this.chains = chains;
        this.apiTokens = apiTokens;
        this.system = system;
    }

    @Override
    public void run(ApplicationArguments args) {
        system.runAsSystem(this::loadIfEmpty);
    }

    void loadIfEmpty() {
        if (accounts.count() == 0) {
            DEMO_USERS.forEach(accounts::create);
            log.info("Created {} demo users", DEMO_USERS.size());
        }
        if (suppliers.count(SupplierFilter.none()).isZero()) {
            int created = suppliers.createAll(readSuppliers("sample-data/demo-suppliers.csv"));
            log.info("Loaded {} demo suppliers from sample-data/demo-suppliers.csv", created);
        }
        if (orgUnits.all().isEmpty()) {
            loadOrgUnits();
        }
        if (apiTokens.list().isEmpty()) {
            loadApiTokens();
        }
        if (contracts.count(ContractFilter.none()).isZero()) {
            int created = loadContracts();
            log.info("Loaded {} demo contracts from sample-data/demo-contracts.csv", created);
            int approved = approveDemoLevels();
            log.info("Approved {} demo levels below the decision chart's suggestion as risk2", approved);
            int links = loadChains();
            log.info("Loaded {} demo sub-contractor links from sample-data/demo-chains.csv", links);
        }
    }

    /** Two buying companies with their departments; demo users become members (see README). */
    private void loadOrgUnits() {
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord row : read("sample-data/demo-org-units.csv")) {
            String parent = row.get("親組織コード");
            ids.put(
                    row.get("組織コード"),
                    orgUnits.create(row.get("組織コード"), row.get("組織名"), parent.isBlank() ? null : ids.get(parent)));
        }
        member("procurement", Set.of(ids.get("HMC-PUR"), ids.get("HMC-ELE")), false);
        member("procurement2", Set.of(ids.get("HSK")), false);
        member("risk", Set.of(), true);
        member("risk2", Set.of(), true);
        member("admin", Set.of(), true);
        member("auditor", Set.of(), true);
        log.info("Created {} demo organisation units", ids.size());
    }

    /** One published token per role so the REST API can be tried at once (printed at start-up). */
    private void loadApiTokens() {
        Long purchasing = orgUnits.all().stream()
                .filter(unit -> unit.code().equals("HMC-PUR"))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow();
        for (Role role : Role.values()) {
            apiTokens.register(
                    "demo-" + role.name().toLowerCase(java.util.Locale.ROOT),
                    role,
                    role == Role.PROCUREMENT ? purchasing : null,
                    demoToken(role));
        }
        log.info("Created {} demo API tokens", Role.values().length);
    }

    static String demoToken(Role role) {
        return "hsm_demo_" + role.name().toLowerCase(java.util.Locale.ROOT) + "_token_0001";
    }

    private void member(String username, Set<Long> units, boolean groupWide) {
        accounts.findByUsername(username).ifPresent(user -> orgUnits.assign(user.id(), units, groupWide));
    }

    private int loadContracts() {
        Map<String, Long> unitIds = new HashMap<>();
        orgUnits.all().forEach(unit -> unitIds.put(unit.code(), unit.id()));
        int created = 0;
        for (CSVRecord row : read("sample-data/demo-contracts.csv")) {
            Long supplierId = suppliers
                    .findByCode(row.get("取引先コード"))
                    .map(SupplierDetails::id)
                    .orElse(null);
            Long ownerId =
                    accounts.findByUsername(row.get("担当者")).map(UserSummary::id).orElse(null);
            contracts.create(new ContractForm(
                    row.get("契約番号"),
                    row.get("件名"),
                    supplierId,
                    unitIds.get(row.get("組織コード")),
                    ownerId,
                    LocalDate.parse(row.get("開始日")),
                    LocalDate.parse(row.get("終了日")),
                    new DecisionChart(yes(row.get("機密情報の取扱い")), yes(row.get("停止時の影響大")), yes(row.get("社内システム接続"))),
                    RequiredLevel.valueOf(row.get("要求レベル")),
                    row.get("レベルの理由")));
            created++;
        }
        return created;
    }

    /**
     * The demo's levels below the chart's suggestion (with their reasons in the CSV) stand as decided:
     * the loader's save made them requests (issue 20), the second demo risk manager approves them, so the
     * audit trail shows who decided.
     */
    private int approveDemoLevels() {
        var reviewer = userDetails.loadUserByUsername("risk2");
        SecurityContext previous = contexts.getContext();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(reviewer, null, reviewer.getAuthorities()));
        contexts.setContext(context);
        try {
            var waiting = levelDecisions.list(LevelDecisionState.REQUESTED, 0, LevelDecisionService.MAX_PAGE_SIZE);
            waiting.forEach(d -> levelDecisions.approve(d.id(), d.version(), "デモデータ（Demo data）"));
            return waiting.size();
        } finally {
            contexts.setContext(previous);
        }
    }

    /** Includes the 2022-like case: a tier-1 press maker whose remote-maintenance provider holds no level. */
    private int loadChains() {
        int created = 0;
        for (CSVRecord row : read("sample-data/demo-chains.csv")) {
            long contractId =
                    contracts.findByNumber(row.get("契約番号")).orElseThrow().id();
            String level = row.get("要求レベル");
            chains.addLink(
                    contractId,
                    new LinkForm(
                            supplierId(row.get("委託元取引先コード")),
                            supplierId(row.get("再委託先取引先コード")),
                            answer(row.get("機密情報が渡る")),
                            answer(row.get("システム接続あり")),
                            answer(row.get("停止で業務に遅延")),
                            level.isBlank() ? null : RequiredLevel.valueOf(level),
                            row.get("備考")));
            created++;
        }
        return created;
    }

    private Long supplierId(String code) {
        return suppliers.findByCode(code).map(SupplierDetails::id).orElseThrow();
    }

    /** はい / いいえ, blank = not answered (the demo keeps some links unanswered to show the hint). */
    private static Boolean answer(String answer) {
        return answer.isBlank() ? null : yes(answer);
    }

    private static boolean yes(String answer) {
        return "はい".equals(answer.strip());
    }

    private static List<CSVRecord> read(String resource) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return format.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + resource, e);
        }
    }

    static List<SupplierForm> readSuppliers(String resource) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader =
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            List<SupplierForm> result = new ArrayList<>();
            for (CSVRecord row : format.parse(reader)) {
                result.add(new SupplierForm(
                        row.get("法人番号"),
                        row.get("取引先コード"),
                        row.get("取引先名"),
                        row.get("取引先名カナ"),
                        row.get("国"),
                        row.get("住所"),
                        null,
                        null,
                        null));
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data " + resource, e);
        }
    }
}
