package jp.hoshimi.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.hoshimi.DemoUnits;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditEntry;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.organisation.Membership;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.HoshimiUser;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Just-in-time accounts from the provider's claims, against the real MariaDB (the provider itself is in
 * SingleSignOnJourneyBrowserTest). Claim values carry a random suffix: the database is shared by the tests.
 */
@SpringBootTest
class SsoProvisioningTest {

    @Autowired
    SsoProvisioning provisioning;

    @Autowired
    SsoMappingService mappings;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    AuditService audit;

    @Autowired
    SystemAuthentication system;

    @Autowired
    UserDetailsService passwordUsers;

    @Autowired
    ApplicationContext context;

    @Autowired
    jp.hoshimi.security.UserAdminService userAdmin;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void without_an_issuer_nothing_of_single_sign_on_is_set_up() {
        assertThat(context.getBeanProvider(ClientRegistrationRepository.class).getIfAvailable())
                .isNull();
        assertThat(context.getBeanProvider(SsoSecurity.class).getIfAvailable()).isNull();
    }

    @Test
    void the_first_sign_in_creates_the_account_with_mapped_role_and_unit_and_never_takes_over_a_local_name() {
        long logistics = DemoUnits.id(orgUnits, system, "HMC-LOG");
        system.runAsSystem(() -> {
            mappings.addRoleMapping("buyers-" + suffix, Role.PROCUREMENT);
            mappings.addUnitMapping("logistics-" + suffix, logistics);
        });

        // the provider calls this person "admin", as the local administrator is called
        HoshimiUser user = admitted(identity("admin", "buyers-" + suffix, "logistics-" + suffix, "other"));

        assertThat(user.username()).isEqualTo("admin-2");
        assertThat(user.roles()).containsExactly(Role.PROCUREMENT);
        assertThat(user.passwordHash()).isNull();
        Membership membership = membershipOf(user.id());
        assertThat(membership.unitIds()).containsExactly(logistics);
        assertThat(membership.groupWide()).isFalse();
        List<AuditEntry> history = system.callAsSystem(() -> audit.historyOf(SsoProvisioning.AUDIT_TYPE, user.id()));
        assertThat(history).extracting(AuditEntry::action).contains(AuditAction.CREATE);
        // the local administrator is untouched and still signs in with a password
        assertThat(passwordUsers.loadUserByUsername("admin").getPassword()).isNotNull();
        // the user administration list says how each signs in
        assertThat(system.callAsSystem(
                        () -> userAdmin.list(new jp.hoshimi.security.UserFilter("admin", null, null), 0, 50)))
                .extracting(
                        jp.hoshimi.security.UserListItem::username, jp.hoshimi.security.UserListItem::signInMethodKey)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("admin-2", "user.signIn.sso"),
                        org.assertj.core.groups.Tuple.tuple("admin", "user.signIn.password"));
        // and gives a provider's account no local password
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> system.runAsSystem(() -> userAdmin.resetPassword(user.id())))
                .isInstanceOf(jp.hoshimi.shared.ValidationException.class);
    }

    @Test
    void a_later_sign_in_follows_the_changed_mapping_and_the_change_is_audited() {
        system.runAsSystem(() -> mappings.addRoleMapping("risk-" + suffix, Role.PROCUREMENT));
        ExternalIdentity identity = identity("tanaka-" + suffix, "risk-" + suffix);
        HoshimiUser first = admitted(identity);
        assertThat(first.roles()).containsExactly(Role.PROCUREMENT);

        system.runAsSystem(() -> {
            long id = mappings.roleMappings().stream()
                    .filter(m -> m.claimValue().equals("risk-" + suffix))
                    .findFirst()
                    .orElseThrow()
                    .id();
            mappings.removeRoleMapping(id);
            mappings.addRoleMapping("risk-" + suffix, Role.RISK_MANAGER);
        });
        HoshimiUser second = admitted(identity);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.roles()).containsExactly(Role.RISK_MANAGER);
        // a risk manager without a mapped unit sees the whole group
        assertThat(membershipOf(second.id()).groupWide()).isTrue();
        List<AuditEntry> history = system.callAsSystem(() -> audit.historyOf(SsoProvisioning.AUDIT_TYPE, first.id()));
        assertThat(history).extracting(AuditEntry::action).contains(AuditAction.CREATE, AuditAction.UPDATE);
        List<AuditEntry> mappingHistory = system.callAsSystem(() -> audit.list(
                new jp.hoshimi.audit.AuditFilter(SsoMappingService.ROLE_AUDIT_TYPE, null, null, null), 0, 100));
        assertThat(mappingHistory).extracting(AuditEntry::action).contains(AuditAction.CREATE, AuditAction.DELETE);
    }

    @Test
    void a_person_without_a_mapped_role_is_refused_with_their_groups_and_no_account_is_made() {
        SsoProvisioning.Outcome outcome = system.callAsSystem(
                () -> provisioning.signIn(identity("nobody-" + suffix, "sales-" + suffix, "all-" + suffix)));

        assertThat(outcome).isInstanceOf(SsoProvisioning.Refused.class);
        SsoRefusal refusal = ((SsoProvisioning.Refused) outcome).refusal();
        assertThat(refusal.reason()).isEqualTo(SsoRefusal.Reason.NO_ROLE);
        assertThat(refusal.claimValues()).containsExactly("all-" + suffix, "sales-" + suffix);
        assertThatThrownBy(() -> passwordUsers.loadUserByUsername("nobody-" + suffix))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void password_sign_in_treats_an_account_of_the_provider_as_unknown() {
        system.runAsSystem(() -> mappings.addRoleMapping("auditors-" + suffix, Role.AUDITOR));
        HoshimiUser user = admitted(identity("suzuki-" + suffix, "auditors-" + suffix));

        assertThatThrownBy(() -> passwordUsers.loadUserByUsername(user.username()))
                .isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void a_mapping_that_exists_already_or_has_no_value_is_refused_on_its_field() {
        system.runAsSystem(() -> mappings.addRoleMapping("twice-" + suffix, Role.AUDITOR));

        assertThatThrownBy(
                        () -> system.runAsSystem(() -> mappings.addRoleMapping(" twice-" + suffix + " ", Role.AUDITOR)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.messageKey()).isEqualTo("sso.mapping.duplicate")));
        assertThatThrownBy(() -> system.runAsSystem(() -> mappings.addUnitMapping("  ", 1L)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.field()).isEqualTo("claimValue")));
    }

    private HoshimiUser admitted(ExternalIdentity identity) {
        SsoProvisioning.Outcome outcome = system.callAsSystem(() -> provisioning.signIn(identity));
        assertThat(outcome).isInstanceOf(SsoProvisioning.Admitted.class);
        return ((SsoProvisioning.Admitted) outcome).user();
    }

    private Membership membershipOf(long userId) {
        return system.callAsSystem(orgUnits::memberships).stream()
                .filter(m -> m.userId() == userId)
                .findFirst()
                .orElseThrow();
    }

    private ExternalIdentity identity(String username, String... groups) {
        return ExternalIdentity.of(
                "oidc",
                Map.of(
                        "sub", "subject-" + username + "-" + suffix,
                        "preferred_username", username,
                        "name", "Name of " + username,
                        "email", username + "@example.jp",
                        "groups", List.of(groups)),
                "groups");
    }
}
