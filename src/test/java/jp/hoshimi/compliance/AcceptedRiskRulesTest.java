package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.compliance.RegisterFacts.Entry;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exception rules (issue 20), table-driven like {@link ComplianceRulesTest}: an approved exception
 * turns a failing verdict into ACCEPTED (never OK) while it holds, keeps the gap's reason, warns before its
 * end with the required level's lead times, and lapses the day after its end date or when the gap gets worse.
 */
class AcceptedRiskRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String NUMBER = "1010001202543";
    static final PolicySettings POLICY = PolicySettings.defaults();
    static final LocalDate FAR = TODAY.plusYears(1);

    static RegisterFacts notRegistered() {
        return new RegisterFacts(NUMBER, null, null);
    }

    static RegisterFacts star(StarLevel level, String status, LocalDate validUntil) {
        return new RegisterFacts(NUMBER, new Entry(level, status, validUntil), null);
    }

    static AcceptedRisk risk(ComplianceStatus accepted, LocalDate endsOn) {
        return new AcceptedRisk(7, 1, 1L, accepted, endsOn);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(
                        "not registered, accepted: ACCEPTED with the gap underneath",
                        notRegistered(),
                        RequiredLevel.STAR3,
                        risk(ComplianceStatus.MISSING, TODAY.plusDays(150)),
                        ComplianceStatus.ACCEPTED,
                        Reason.NOT_REGISTERED,
                        null,
                        null),
                Arguments.of(
                        "accepted on its last day still holds",
                        notRegistered(),
                        RequiredLevel.STAR3,
                        risk(ComplianceStatus.MISSING, TODAY),
                        ComplianceStatus.ACCEPTED,
                        Reason.NOT_REGISTERED,
                        7,
                        null),
                Arguments.of(
                        "the day after its end date it lapses and the gap shows again",
                        notRegistered(),
                        RequiredLevel.STAR3,
                        risk(ComplianceStatus.MISSING, TODAY.minusDays(1)),
                        ComplianceStatus.MISSING,
                        Reason.NOT_REGISTERED,
                        null,
                        AcceptedRisk.Lapse.END_DATE),
                Arguments.of(
                        "level too low accepted, now revoked: worse, it lapses",
                        star(StarLevel.STAR3, "REVOKED", FAR),
                        RequiredLevel.STAR4,
                        risk(ComplianceStatus.INSUFFICIENT, TODAY.plusDays(100)),
                        ComplianceStatus.REVOKED,
                        Reason.REVOKED,
                        null,
                        AcceptedRisk.Lapse.WORSE_STATUS),
                Arguments.of(
                        "not registered accepted, now registered too low: better, still accepted",
                        star(StarLevel.STAR3, "ACTIVE", FAR),
                        RequiredLevel.STAR4,
                        risk(ComplianceStatus.MISSING, TODAY.plusDays(100)),
                        ComplianceStatus.ACCEPTED,
                        Reason.LEVEL_TOO_LOW,
                        180,
                        null),
                Arguments.of(
                        "the gap closed: the real status, never ACCEPTED, no lapse",
                        star(StarLevel.STAR3, "ACTIVE", FAR),
                        RequiredLevel.STAR3,
                        risk(ComplianceStatus.MISSING, TODAY.plusDays(100)),
                        ComplianceStatus.OK,
                        Reason.VALID,
                        null,
                        null),
                Arguments.of(
                        "within the ★3 lead time of 30 days before the end",
                        notRegistered(),
                        RequiredLevel.STAR3,
                        risk(ComplianceStatus.MISSING, TODAY.plusDays(20)),
                        ComplianceStatus.ACCEPTED,
                        Reason.NOT_REGISTERED,
                        30,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void rules(
            String name,
            RegisterFacts facts,
            RequiredLevel required,
            AcceptedRisk risk,
            ComplianceStatus status,
            Reason reason,
            Integer warningDays,
            AcceptedRisk.Lapse lapse) {
        Verdict rules = ComplianceRules.evaluate(facts, required, TODAY, POLICY);

        Verdict verdict = ComplianceRules.accept(rules, risk, POLICY);

        assertThat(verdict.status()).as(name).isEqualTo(status);
        assertThat(verdict.reason()).as(name).isEqualTo(reason);
        assertThat(verdict.warningDays()).as(name).isEqualTo(warningDays);
        assertThat(ComplianceRules.lapse(rules, risk)).as(name).isEqualTo(lapse);
        assertThat(verdict.acceptance() != null).as(name).isEqualTo(status == ComplianceStatus.ACCEPTED);
    }

    @Test
    void an_accepted_verdict_names_its_exception_and_end_and_keeps_the_gap_status() {
        Verdict verdict = ComplianceRules.accept(
                ComplianceRules.evaluate(notRegistered(), RequiredLevel.STAR3, TODAY, POLICY),
                risk(ComplianceStatus.MISSING, LocalDate.of(2027, 5, 30)),
                POLICY);

        assertThat(verdict.acceptance()).isEqualTo(new Acceptance(7, LocalDate.of(2027, 5, 30)));
        assertThat(verdict.gapStatus()).isEqualTo(ComplianceStatus.MISSING);
    }

    @Test
    void accepted_is_neither_ok_nor_failing_and_sits_between_expiring_and_ok() {
        assertThat(ComplianceStatus.ACCEPTED.isFailing()).isFalse();
        assertThat(ComplianceStatus.worstOf(List.of(ComplianceStatus.OK, ComplianceStatus.ACCEPTED)))
                .isEqualTo(ComplianceStatus.ACCEPTED);
        assertThat(ComplianceStatus.worstOf(List.of(ComplianceStatus.MISSING, ComplianceStatus.ACCEPTED)))
                .isEqualTo(ComplianceStatus.MISSING);
        assertThat(ComplianceStatus.ACCEPTED.severity())
                .isGreaterThan(ComplianceStatus.EXPIRING.severity())
                .isLessThan(ComplianceStatus.OK.severity());
    }

    @Test
    void a_finding_exception_wins_over_a_supplier_wide_one_and_a_lapse_applies_to_every_finding() {
        AcceptedRisk own = new AcceptedRisk(1, 5, 10L, ComplianceStatus.INSUFFICIENT, TODAY.plusDays(50));
        AcceptedRisk wide = new AcceptedRisk(2, 5, null, ComplianceStatus.MISSING, TODAY.plusDays(50));
        Acceptances acceptances = new Acceptances(List.of(own, wide));
        Verdict missing = ComplianceRules.evaluate(notRegistered(), RequiredLevel.STAR3, TODAY, POLICY);

        acceptances.check(10, 5, missing); // worse than the INSUFFICIENT accepted for contract 10
        acceptances.check(11, 5, missing); // what the supplier-wide one accepted

        assertThat(acceptances.lapsed()).containsOnlyKeys(1L);
        assertThat(acceptances.apply(10, 5, missing, POLICY).status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(acceptances.apply(11, 5, missing, POLICY).acceptance().exceptionId())
                .isEqualTo(2);
    }
}
