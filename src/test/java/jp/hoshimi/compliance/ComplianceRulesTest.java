package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.hoshimi.compliance.RegisterFacts.Entry;
import jp.hoshimi.compliance.internal.ChainRows.ContractRow;
import jp.hoshimi.compliance.internal.ChainRows.LinkRow;
import jp.hoshimi.compliance.internal.Chains;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.shared.BusinessDate;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.SubcontractorPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluation rules, table-driven, with their boundaries. */
class ComplianceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String NUMBER = "1010001202543"; // valid check digit (demo register)
    static final PolicySettings POLICY = PolicySettings.defaults();

    static Entry star(StarLevel level, String status, LocalDate validUntil) {
        return new Entry(level, status, validUntil);
    }

    static Entry sa(StarLevel level) {
        return new Entry(level, "ACTIVE", null);
    }

    static RegisterFacts facts(Entry star, Entry sa) {
        return new RegisterFacts(NUMBER, star, sa);
    }

    static Stream<Arguments> table() {
        LocalDate far = TODAY.plusYears(1);
        return Stream.of(
                // required NONE: nothing to check, even without a 法人番号
                Arguments.of(
                        "nothing required",
                        new RegisterFacts(null, null, null),
                        RequiredLevel.NONE,
                        ComplianceStatus.OK,
                        Reason.NOT_REQUIRED,
                        null),
                Arguments.of(
                        "no 法人番号",
                        new RegisterFacts(null, star(StarLevel.STAR4, "ACTIVE", far), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.UNVERIFIABLE,
                        Reason.NO_CORPORATE_NUMBER,
                        null),
                Arguments.of(
                        "bad check digit",
                        new RegisterFacts("1010001202544", null, null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.UNVERIFIABLE,
                        Reason.NO_CORPORATE_NUMBER,
                        null),
                Arguments.of(
                        "no entry",
                        facts(null, null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.MISSING,
                        Reason.NOT_REGISTERED,
                        null),
                Arguments.of(
                        "suspended",
                        facts(star(StarLevel.STAR4, "SUSPENDED", far), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.REVOKED,
                        Reason.SUSPENDED,
                        null),
                Arguments.of(
                        "revoked",
                        facts(star(StarLevel.STAR4, "REVOKED", far), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.REVOKED,
                        Reason.REVOKED,
                        null),
                Arguments.of(
                        "revoked beats expired",
                        facts(star(StarLevel.STAR3, "REVOKED", TODAY.minusDays(9)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.REVOKED,
                        Reason.REVOKED,
                        null),
                Arguments.of(
                        "valid until yesterday",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.minusDays(1)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRED,
                        Reason.EXPIRED,
                        null),
                Arguments.of(
                        "register says expired",
                        facts(star(StarLevel.STAR3, "EXPIRED", far), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRED,
                        Reason.EXPIRED,
                        null),
                Arguments.of(
                        "expired beats too low",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.minusDays(1)), null),
                        RequiredLevel.STAR4,
                        ComplianceStatus.EXPIRED,
                        Reason.EXPIRED,
                        null),
                Arguments.of(
                        "valid until today: still valid, last day",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        7),
                Arguments.of(
                        "★3 where ★4 required",
                        facts(star(StarLevel.STAR3, "ACTIVE", far), null),
                        RequiredLevel.STAR4,
                        ComplianceStatus.INSUFFICIENT,
                        Reason.LEVEL_TOO_LOW,
                        null),
                Arguments.of(
                        "★5 satisfies ★4",
                        facts(star(StarLevel.STAR5, "ACTIVE", far), null),
                        RequiredLevel.STAR4,
                        ComplianceStatus.OK,
                        Reason.VALID,
                        null),
                Arguments.of(
                        "SECURITY ACTION never satisfies ★3",
                        facts(null, sa(StarLevel.SA2)),
                        RequiredLevel.STAR3,
                        ComplianceStatus.INSUFFICIENT,
                        Reason.SECURITY_ACTION_ONLY,
                        null),
                Arguments.of(
                        "SA2 satisfies SA1, no expiry",
                        facts(null, sa(StarLevel.SA2)),
                        RequiredLevel.SA1,
                        ComplianceStatus.OK,
                        Reason.VALID_NO_EXPIRY,
                        null),
                Arguments.of(
                        "SA1 where SA2 required",
                        facts(null, sa(StarLevel.SA1)),
                        RequiredLevel.SA2,
                        ComplianceStatus.INSUFFICIENT,
                        Reason.LEVEL_TOO_LOW,
                        null),
                Arguments.of(
                        "★3 satisfies an SA requirement",
                        facts(star(StarLevel.STAR3, "ACTIVE", far), null),
                        RequiredLevel.SA2,
                        ComplianceStatus.OK,
                        Reason.VALID,
                        null),
                Arguments.of(
                        "expired ★3 but an SA declaration meets SA1",
                        facts(star(StarLevel.STAR3, "EXPIRED", TODAY.minusDays(3)), sa(StarLevel.SA1)),
                        RequiredLevel.SA1,
                        ComplianceStatus.OK,
                        Reason.VALID_NO_EXPIRY,
                        null),
                Arguments.of(
                        "expired ★3 and an SA declaration, ★3 required",
                        facts(star(StarLevel.STAR3, "EXPIRED", TODAY.minusDays(3)), sa(StarLevel.SA2)),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRED,
                        Reason.EXPIRED,
                        null),
                // lead times: ★3 90/30/7, ★4 180/90/30 — the held level decides
                Arguments.of(
                        "★3 91 days left",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(91)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.OK,
                        Reason.VALID,
                        null),
                Arguments.of(
                        "★3 90 days left: first warning",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(90)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        90),
                Arguments.of(
                        "★3 31 days left",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(31)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        90),
                Arguments.of(
                        "★3 30 days left",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(30)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        30),
                Arguments.of(
                        "★3 7 days left",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(7)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        7),
                Arguments.of(
                        "★4 181 days left",
                        facts(star(StarLevel.STAR4, "ACTIVE", TODAY.plusDays(181)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.OK,
                        Reason.VALID,
                        null),
                Arguments.of(
                        "★4 180 days left, only ★3 required: ★4's lead time",
                        facts(star(StarLevel.STAR4, "ACTIVE", TODAY.plusDays(180)), null),
                        RequiredLevel.STAR3,
                        ComplianceStatus.EXPIRING,
                        Reason.EXPIRING,
                        180),
                Arguments.of(
                        "too low beats expiring",
                        facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(5)), null),
                        RequiredLevel.STAR4,
                        ComplianceStatus.INSUFFICIENT,
                        Reason.LEVEL_TOO_LOW,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rules(
            String name,
            RegisterFacts facts,
            RequiredLevel required,
            ComplianceStatus status,
            Reason reason,
            Integer warningDays) {
        Verdict verdict = ComplianceRules.evaluate(facts, required, TODAY, POLICY);

        assertThat(verdict.status()).as(name).isEqualTo(status);
        assertThat(verdict.reason()).as(name).isEqualTo(reason);
        assertThat(verdict.warningDays()).as(name).isEqualTo(warningDays);
    }

    @Test
    void the_verdict_carries_what_is_behind_it() {
        Verdict verdict = ComplianceRules.evaluate(
                facts(star(StarLevel.STAR3, "ACTIVE", LocalDate.of(2026, 12, 20)), null),
                RequiredLevel.STAR3,
                TODAY,
                POLICY);

        assertThat(verdict.heldLevel()).isEqualTo(StarLevel.STAR3);
        assertThat(verdict.validUntil()).isEqualTo(LocalDate.of(2026, 12, 20));
        assertThat(verdict.daysLeft()).isEqualTo(19);
        assertThat(verdict.reasonArguments()).containsExactly("★3", "★3", "2026-12-20", "19", 19L);
    }

    @Test
    void a_stricter_policy_warns_earlier() {
        var leadTimes = new java.util.EnumMap<>(POLICY.leadTimeDays());
        leadTimes.put(StarLevel.STAR3, List.of(120));
        PolicySettings policy = new PolicySettings(POLICY.subcontractorPolicy(), leadTimes, 48);

        Verdict verdict = ComplianceRules.evaluate(
                facts(star(StarLevel.STAR3, "ACTIVE", TODAY.plusDays(100)), null), RequiredLevel.STAR3, TODAY, policy);

        assertThat(verdict.status()).isEqualTo(ComplianceStatus.EXPIRING);
        assertThat(verdict.warningDays()).isEqualTo(120);
    }

    @Test
    void the_business_date_is_japans_at_midnight() {
        // 2026-11-30 15:00 UTC is 2026-12-01 00:00 in Tokyo: a registration valid until 11-30 has expired
        var clock = java.time.Clock.fixed(Instant.parse("2026-11-30T15:00:00Z"), ZoneOffset.UTC);
        LocalDate today = new BusinessDate(clock, "").today();
        assertThat(today).isEqualTo(LocalDate.of(2026, 12, 1));
        var justBefore = java.time.Clock.fixed(Instant.parse("2026-11-30T14:59:59Z"), ZoneOffset.UTC);
        assertThat(new BusinessDate(justBefore, "").today()).isEqualTo(LocalDate.of(2026, 11, 30));

        Entry entry = star(StarLevel.STAR3, "ACTIVE", LocalDate.of(2026, 11, 30));
        assertThat(ComplianceRules.evaluate(facts(entry, null), RequiredLevel.STAR3, today, POLICY)
                        .status())
                .isEqualTo(ComplianceStatus.EXPIRED);
        assertThat(ComplianceRules.evaluate(
                                facts(entry, null),
                                RequiredLevel.STAR3,
                                new BusinessDate(justBefore, "").today(),
                                POLICY)
                        .status())
                .isEqualTo(ComplianceStatus.EXPIRING);
    }

    @Test
    void a_fixed_date_overrides_the_clock() {
        var clock = java.time.Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(new BusinessDate(clock, "2026-12-01").today()).isEqualTo(TODAY);
    }

    @Test
    void the_severity_order_is_the_designs_and_a_chain_is_its_worst_link() {
        assertThat(ComplianceStatus.values())
                .containsExactly(
                        ComplianceStatus.REVOKED,
                        ComplianceStatus.EXPIRED,
                        ComplianceStatus.MISSING,
                        ComplianceStatus.UNVERIFIABLE,
                        ComplianceStatus.INSUFFICIENT,
                        ComplianceStatus.EXPIRING,
                        ComplianceStatus.ACCEPTED, // issue 20: an accepted gap, never OK
                        ComplianceStatus.OK);
        assertThat(ComplianceStatus.worstOf(
                        List.of(ComplianceStatus.OK, ComplianceStatus.INSUFFICIENT, ComplianceStatus.EXPIRING)))
                .isEqualTo(ComplianceStatus.INSUFFICIENT);
        assertThat(ComplianceStatus.worstOf(List.of(ComplianceStatus.MISSING, ComplianceStatus.UNVERIFIABLE)))
                .isEqualTo(ComplianceStatus.MISSING);
        assertThat(ComplianceStatus.worstOf(List.of())).isEqualTo(ComplianceStatus.OK);
    }

    @Test
    void chain_requirements_follow_the_policy_and_take_the_strictest_appearance() {
        // contract ★4 with supplier 1; 1 → 2 (data flows), 1 → 3 (nothing flows), 2 → 3 (access), 3 → 4,
        // 2 → 5 (business-critical only)
        ContractRow contract = new ContractRow(10, 1, RequiredLevel.STAR4);
        List<LinkRow> links = List.of(
                new LinkRow(10, 1, 2, true, false, false, null),
                new LinkRow(10, 1, 3, false, false, null, null),
                new LinkRow(10, 2, 3, false, true, false, null),
                new LinkRow(10, 3, 4, false, false, null, RequiredLevel.SA2),
                new LinkRow(10, 2, 5, false, false, true, null));

        Map<Long, Chains.Requirement> requirements =
                Chains.requirements(contract, links, SubcontractorPolicy.SAME_WHERE_DATA_OR_ACCESS_FLOWS);

        assertThat(requirements)
                .containsExactly(
                        Map.entry(1L, new Chains.Requirement(1, RequiredLevel.STAR4)),
                        Map.entry(2L, new Chains.Requirement(2, RequiredLevel.STAR4)),
                        Map.entry(3L, new Chains.Requirement(2, RequiredLevel.STAR4)),
                        // only "business critical = yes": the contract's level (issue 22)
                        Map.entry(5L, new Chains.Requirement(3, RequiredLevel.STAR4)),
                        Map.entry(4L, new Chains.Requirement(3, RequiredLevel.SA2)));
        assertThat(Chains.requirements(contract, links, SubcontractorPolicy.STAR3_FOR_ALL)
                        .get(3L)
                        .level())
                .isEqualTo(RequiredLevel.STAR3);
    }
}
