package jp.hoshimi.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.audit.AuditAction;
import jp.hoshimi.audit.AuditService;
import jp.hoshimi.contract.ContractDetails;
import jp.hoshimi.contract.ContractService;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.subcontracting.ChainLink;
import jp.hoshimi.subcontracting.SubcontractingService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest
@Transactional
@WithUserDetails("risk")
class SettingsServiceTest {

    @Autowired
    SettingsService settings;

    @Autowired
    SubcontractingService chains;

    @Autowired
    ContractService contracts;

    @Autowired
    AuditService audit;

    @Test
    void the_defaults_apply_until_someone_saves_a_policy() {
        PolicySettings policy = settings.policy();
        assertThat(policy.subcontractorPolicy()).isEqualTo(SubcontractorPolicy.SAME_WHERE_DATA_OR_ACCESS_FLOWS);
        assertThat(policy.leadTimeDays().get(StarLevel.STAR4)).containsExactly(180, 90, 30);
        assertThat(policy.leadTimeDays().get(StarLevel.STAR3)).containsExactly(90, 30, 7);
        assertThat(policy.leadTimeDays().get(StarLevel.SA1)).isEmpty();
        assertThat(policy.stalenessHours()).isEqualTo(48);
    }

    @Test
    void a_saved_policy_changes_the_levels_of_chains_and_is_audited() {
        ContractDetails contract = contracts.findByNumber("HMC-2026-0001").orElseThrow();
        // 若葉梱包 receives neither data nor access: ★3 under the default rule
        ChainLink packing = chains.chain(contract.id()).stream()
                .filter(l -> l.childName().equals("株式会社若葉梱包"))
                .findFirst()
                .orElseThrow();
        assertThat(packing.requiredLevel()).isEqualTo(RequiredLevel.STAR3);

        PolicySettings strict = new PolicySettings(
                SubcontractorPolicy.SAME_FOR_ALL_TIERS,
                PolicySettings.defaults().leadTimeDays(),
                24);
        settings.save(strict, settings.current().version());

        assertThat(settings.policy().stalenessHours()).isEqualTo(24);
        assertThat(chains.chain(contract.id()).stream()
                        .filter(l -> l.id() == packing.id())
                        .findFirst()
                        .orElseThrow()
                        .requiredLevel())
                .isEqualTo(RequiredLevel.STAR4);
        assertThat(audit.historyOf(SettingsService.AUDIT_TYPE, "policy").get(0).afterJson())
                .contains("SAME_FOR_ALL_TIERS");
        assertThat(audit.historyOf(SettingsService.AUDIT_TYPE, "policy").get(0).action())
                .isIn(AuditAction.CREATE, AuditAction.UPDATE);
    }

    @Test
    void a_save_over_a_newer_version_is_refused() {
        int version = settings.current().version();
        settings.save(PolicySettings.defaults(), version);

        assertThatThrownBy(() -> settings.save(PolicySettings.defaults(), version))
                .isInstanceOf(ConcurrentEditException.class);
    }

    @Test
    void impossible_values_are_refused_field_by_field() {
        Map<StarLevel, List<Integer>> leadTimes =
                new EnumMap<>(PolicySettings.defaults().leadTimeDays());
        leadTimes.put(StarLevel.STAR3, List.of(90, 0));

        assertThatThrownBy(() -> settings.save(
                        new PolicySettings(SubcontractorPolicy.STAR3_FOR_ALL, leadTimes, 0),
                        settings.current().version()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactlyInAnyOrder("leadTime.STAR3", "stalenessHours"));
    }

    @Test
    @WithUserDetails("procurement")
    void procurement_reads_the_policy_but_cannot_change_it() {
        assertThat(settings.policy()).isNotNull();
        assertThatThrownBy(() -> settings.save(PolicySettings.defaults(), -1))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("auditor")
    void an_auditor_reads_the_settings_but_the_service_refuses_a_save() {
        SettingsService.Versioned current = settings.current();
        assertThat(current.settings().firstWarningDays(StarLevel.STAR4)).isEqualTo(180);
        assertThatThrownBy(() -> settings.save(current.settings(), current.version()))
                .isInstanceOf(AccessDeniedException.class);
    }
}
