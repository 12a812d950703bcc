package jp.hoshimi.dev;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.hoshimi.security.NewUser;
import jp.hoshimi.security.Role;
import jp.hoshimi.security.SystemAuthentication;
import jp.hoshimi.security.UserAccountService;
import jp.hoshimi.supplier.SupplierFilter;
import jp.hoshimi.supplier.SupplierForm;
import jp.hoshimi.supplier.SupplierService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per role) and demo suppliers from sample-data/, loaded on the first start of the
 * embedded development database (not when a database is configured). Never part of the production jar.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "hoshimi.dev-db.active", havingValue = "true")
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
            new NewUser("auditor", "監査 次郎 (Auditor)", "auditor@example.jp", DEMO_PASSWORD, Set.of(Role.AUDITOR)));

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final UserAccountService accounts;
    private final SupplierService suppliers;
    private final SystemAuthentication system;

    DemoData(UserAccountService accounts, SupplierService suppliers, SystemAuthentication system) {
        this.accounts = accounts;
        this.suppliers = suppliers;
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
        if (suppliers.count(SupplierFilter.none()) == 0) {
            int created = suppliers.createAll(readSuppliers("sample-data/demo-suppliers.csv"));
            log.info("Loaded {} demo suppliers from sample-data/demo-suppliers.csv", created);
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
