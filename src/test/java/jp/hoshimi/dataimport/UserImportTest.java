package jp.hoshimi.dataimport;

import static jp.hoshimi.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import jp.hoshimi.security.UserAccount;
import jp.hoshimi.security.UserAdminService;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** Users imported from a real workbook (Japanese headers) and a CSV (English headers): preview, all or nothing. */
@SpringBootTest
class UserImportTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    ImportService imports;

    @Autowired
    UserAdminService users;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    @AfterEach
    void removeImportedUsers() {
        dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.startsWith("imp14-")).execute();
    }

    private ImportRun run(String name, byte[] file, boolean dryRun) {
        return imports.runToEnd(ImportKind.USERS, name, new ByteArrayInputStream(file), dryRun, WAIT);
    }

    private UserAccount user(String username) {
        return system.callAsSystem(() -> users.findByUsername(username)).orElseThrow();
    }

    @Test
    @WithUserDetails("admin")
    void users_round_trip_through_a_workbook_and_a_csv_with_all_or_nothing_apply() {
        byte[] workbook = ImportFixtures.xlsx(
                "ユーザー",
                false,
                List.of(
                        List.of("ユーザー名", "氏名", "メールアドレス", "ロール", "所属組織"),
                        List.of("imp14-kato", "加藤 三郎", "kato@example.jp", "調達担当", "HMC-LOG"),
                        List.of("imp14-mori", "森 四郎", "mori@example.jp", "監査担当、リスク管理者", "")));

        ImportRun preview = run("users.xlsx", workbook, true);
        assertThat(preview.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(preview.counts()).isEqualTo(new ImportCounts(2, 2, 0, 0, 0));
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.startsWith("imp14-")))
                .isFalse();

        ImportRun applied = run("users.xlsx", workbook, false);
        assertThat(applied.status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(user("imp14-kato").roles()).containsExactly(Role.PROCUREMENT);
        assertThat(user("imp14-kato").unitIds()).hasSize(1);
        assertThat(user("imp14-kato").mustChangePassword()).isTrue();
        assertThat(user("imp14-mori").roles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.RISK_MANAGER);

        byte[] withError = ImportFixtures.csv(
                StandardCharsets.UTF_8,
                false,
                "Username,Name,E-mail,Roles,Units",
                "imp14-kato,加藤 三郎,kato@example.jp,\"Procurement, Auditor\",HMC-LOG",
                "imp14-mori,森 四郎,mori@example.jp,\"auditor, risk manager\",",
                "imp14-boss,Boss,boss@example.jp,boss,");
        ImportRun refused = run("users.csv", withError, false);
        assertThat(refused.counts()).isEqualTo(new ImportCounts(3, 0, 1, 1, 1));
        assertThat(refused.status()).isEqualTo(ImportStatus.PREVIEWED);
        assertThat(user("imp14-kato").roles()).containsExactly(Role.PROCUREMENT);
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("imp14-boss")))
                .isFalse();

        byte[] fixed = ImportFixtures.csv(
                StandardCharsets.UTF_8,
                false,
                "Username,Name,E-mail,Roles,Units",
                "imp14-kato,加藤 三郎,kato@example.jp,\"Procurement, Auditor\",HMC-LOG");
        assertThat(run("users.csv", fixed, false).status()).isEqualTo(ImportStatus.APPLIED);
        assertThat(user("imp14-kato").roles()).containsExactlyInAnyOrder(Role.PROCUREMENT, Role.AUDITOR);
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_staff_cannot_import_users() {
        byte[] file = ImportFixtures.csv(
                StandardCharsets.UTF_8, false, "Username,Name,Roles", "imp14-sneaky,Sneaky,Administrator");

        assertThatThrownBy(() -> run("users.csv", file, false)).isInstanceOf(AccessDeniedException.class);
        assertThat(dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq("imp14-sneaky")))
                .isFalse();
    }
}
