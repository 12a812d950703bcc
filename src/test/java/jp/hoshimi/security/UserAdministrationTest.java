package jp.hoshimi.security;

import static jp.hoshimi.db.Tables.API_TOKEN;
import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;
import static jp.hoshimi.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.PlatformTransactionManager;
import testsupport.ClusterLockProbe;
import testsupport.HeldTransaction;

/** User administration and the password policy against the real database. */
@SpringBootTest
class UserAdministrationTest {

    static final String ADMINISTRATORS_LOCK = "administrators";

    @Autowired
    UserAdminService admin;

    @Autowired
    PasswordPolicy policy;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    SystemAuthentication system;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy contexts;

    private final List<Long> disabledForTest = new ArrayList<>();

    @AfterEach
    void removeTestUsers() {
        if (!disabledForTest.isEmpty()) {
            dsl.update(APP_USER)
                    .set(APP_USER.ENABLED, true)
                    .where(APP_USER.ID.in(disabledForTest))
                    .execute();
        }
        dsl.deleteFrom(API_TOKEN).where(API_TOKEN.CREATED_BY.startsWith("t14-")).execute();
        dsl.deleteFrom(APP_USER).where(APP_USER.USERNAME.startsWith("t14-")).execute();
        SecurityContextHolder.clearContext();
    }

    private UserForm form(String username, Role... roles) {
        long unit = DemoUnits.id(orgUnits, system, "HMC-LOG");
        return new UserForm(username, "試験 " + username, username + "@example.jp", Set.of(roles), Set.of(unit), false);
    }

    private OneTimePassword create(String username, Role... roles) {
        return system.callAsSystem(() -> admin.create(form(username, roles)));
    }

    @Test
    void a_common_password_is_refused_even_when_long_enough() {
        assertThat(policy.size()).isGreaterThanOrEqualTo(30_000);
        assertThat(policy.check("someone", "qazwsxedcrfv", "password"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("password.common");
        assertThat(policy.check("someone", "1qaz2wsx3edc", "password"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("password.common");
        assertThat(policy.check("someone", "Kumo-no-ue-de-hoshi-miru", "password"))
                .isEmpty();
    }

    @Test
    void a_short_password_or_one_containing_the_user_name_is_refused() {
        assertThat(policy.check("tanaka", "short-one", "password"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("password.tooShort");
        assertThat(policy.check("tanaka", "my-TANAKA-password-2026", "password"))
                .extracting(FieldProblem::messageKey)
                .containsExactly("password.containsUsername");
    }

    @Test
    void a_created_user_gets_a_one_time_password_that_must_be_changed_and_the_change_is_audited() {
        OneTimePassword password = create("t14-new", Role.PROCUREMENT);

        var stored = dsl.selectFrom(APP_USER)
                .where(APP_USER.ID.eq(password.userId()))
                .fetchSingle();
        assertThat(stored.getMustChangePassword()).isTrue();
        assertThat(encoder.matches(password.value(), stored.getPasswordHash())).isTrue();
        assertThat(stored.getPasswordHash()).startsWith("{bcrypt}");
        assertThat(dsl.fetchCount(
                        AUDIT_EVENT,
                        AUDIT_EVENT
                                .ENTITY_TYPE
                                .eq("user")
                                .and(AUDIT_EVENT.ENTITY_ID.eq(String.valueOf(password.userId())))))
                .isEqualTo(1);
    }

    @Test
    void procurement_staff_need_a_unit() {
        UserForm noUnit = new UserForm("t14-nounit", "No unit", null, Set.of(Role.PROCUREMENT), Set.of(), false);

        assertThatThrownBy(() -> system.callAsSystem(() -> admin.create(noUnit)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .contains("user.units.procurementNeedsUnit"));
    }

    @Test
    @WithMockUser(username = "risk", roles = "RISK_MANAGER")
    void only_administrators_may_administer_users() {
        assertThatThrownBy(() -> admin.list(UserFilter.all(), 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> admin.create(form("t14-x", Role.AUDITOR))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void deactivation_revokes_the_users_api_tokens_and_lists_their_contracts_for_handover() {
        OneTimePassword user = create("t14-leaver", Role.ADMIN);
        String token = impersonate("t14-leaver", () -> tokens.create("t14-token", Role.AUDITOR, null));
        assertThat(tokens.authenticate(token)).isPresent();

        int revoked = system.callAsSystem(() -> admin.deactivate(user.userId()));

        assertThat(revoked).isEqualTo(1);
        assertThat(tokens.authenticate(token)).isEmpty();
        var account = system.callAsSystem(() -> admin.find(user.userId())).orElseThrow();
        assertThat(account.active()).isFalse();
        assertThat(account.deactivatedBy()).isEqualTo(SystemAuthentication.SYSTEM_USERNAME);
        assertThat(system.callAsSystem(() -> admin.list(new UserFilter("t14-leaver", null, false), 0, 10)))
                .extracting(UserListItem::username)
                .containsExactly("t14-leaver");
    }

    private <T> T impersonate(String username, Callable<T> work) {
        var previous = contexts.getContext();
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username,
                null,
                List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
                        Role.ADMIN.authority()))));
        contexts.setContext(context);
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            contexts.setContext(previous);
        }
    }

    /** Leaves exactly these two active administrators (the others are disabled until the test ends). */
    private void onlyAdministrators(long first, long second) {
        List<Long> others = dsl.select(APP_USER.ID)
                .from(APP_USER)
                .join(APP_USER_ROLE)
                .on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER_ROLE.ROLE.eq("ADMIN").and(APP_USER.ENABLED.isTrue()))
                .and(APP_USER.ID.notIn(first, second))
                .fetch(APP_USER.ID);
        disabledForTest.addAll(others);
        dsl.update(APP_USER)
                .set(APP_USER.ENABLED, false)
                .where(APP_USER.ID.in(others))
                .execute();
    }

    @Test
    void the_last_active_administrator_can_be_neither_deactivated_nor_stripped_of_the_role() {
        long first = create("t14-admin-a", Role.ADMIN).userId();
        long second = create("t14-admin-b", Role.ADMIN).userId();
        onlyAdministrators(first, second);

        system.runAsSystem(() -> admin.deactivate(first));

        assertThatThrownBy(() -> system.runAsSystem(() -> admin.deactivate(second)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("user.lastAdministrator"));
        UserAccount last = system.callAsSystem(() -> admin.find(second)).orElseThrow();
        UserForm withoutAdmin =
                new UserForm(last.username(), last.displayName(), last.email(), Set.of(Role.AUDITOR), Set.of(), false);
        assertThatThrownBy(() -> system.runAsSystem(() -> admin.update(second, last.version(), withoutAdmin)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::messageKey)
                                .containsExactly("user.lastAdministrator"));
        assertThat(system.callAsSystem(() -> admin.find(second)).orElseThrow().active())
                .isTrue();
    }

    @Test
    void two_concurrent_deactivations_of_the_last_two_administrators_cannot_both_pass() throws Exception {
        long first = create("t14-admin-c", Role.ADMIN).userId();
        long second = create("t14-admin-d", Role.ADMIN).userId();
        onlyAdministrators(first, second);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (long id : List.of(first, second)) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        system.runAsSystem(() -> admin.deactivate(id));
                        return true;
                    } catch (ValidationException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> attempt : attempts) {
                outcomes.add(attempt.get(60, TimeUnit.SECONDS));
            }

            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
            assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.in(first, second).and(APP_USER.ENABLED.isTrue())))
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Two changes on two nodes that could each remove the last administrator: they write different user rows,
     * so they also write one common row, the administrators' lock (docs/decisions/0042), which a Galera cluster
     * with several writer nodes certifies; here the second waits for that row and, once the first has
     * committed, is refused.
     */
    @Test
    void a_second_deactivation_waits_for_the_lock_row_the_first_wrote_and_then_keeps_the_last_administrator()
            throws Exception {
        long first = create("t14-admin-e", Role.ADMIN).userId();
        long second = create("t14-admin-f", Role.ADMIN).userId();
        onlyAdministrators(first, second);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (var deactivation = HeldTransaction.start(transactions, () -> {
            system.runAsSystem(() -> admin.deactivate(first));
            return ClusterLockProbe.writtenHere(dsl, ADMINISTRATORS_LOCK);
        })) {
            assertThat(deactivation.result()).as("the lock row is written").isTrue();

            Future<Boolean> secondDeactivation = other.submit(() -> {
                try {
                    system.runAsSystem(() -> admin.deactivate(second));
                    return true;
                } catch (ValidationException refused) {
                    return false;
                }
            });
            await().atMost(Duration.ofSeconds(40))
                    .until(() -> ClusterLockProbe.someoneWaitsFor(dsl, ADMINISTRATORS_LOCK));
            assertThat(secondDeactivation).isNotDone();

            deactivation.commit();
            assertThat(secondDeactivation.get(60, TimeUnit.SECONDS))
                    .as("refused: the last administrator")
                    .isFalse();
            assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.in(first, second).and(APP_USER.ENABLED.isTrue())))
                    .isEqualTo(1);
            assertThat(ClusterLockProbe.holder(dsl, ADMINISTRATORS_LOCK))
                    .as("free again")
                    .isNull();
        } finally {
            other.shutdownNow();
        }
    }
}
