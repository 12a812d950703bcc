package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.hoshimi.compliance.LegalStanding.State;
import jp.hoshimi.settings.PolicySettings;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import org.junit.jupiter.api.Test;

/** The NTA data's part of the rules (issue 21): closed, merged, unknown number. */
class LegalRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final String NUMBER = "9340047080738";
    static final RegisterFacts.Entry STAR4 = new RegisterFacts.Entry(StarLevel.STAR4, "ACTIVE", TODAY.plusYears(2));
    static final LegalStanding MERGED =
            new LegalStanding(State.MERGED, LocalDate.of(2026, 11, 27), "6900000000011", "株式会社東海ダイカストホールディングス");

    @Test
    void a_company_absorbed_by_a_merger_is_missing_even_with_a_valid_registration_and_the_reason_names_the_successor() {
        Verdict v = evaluate(new RegisterFacts(NUMBER, STAR4, null, MERGED));
        assertThat(v.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(v.reason()).isEqualTo(Reason.ENTITY_MERGED);
        assertThat(v.reasonArguments()).contains("2026-11-27", "6900000000011", "株式会社東海ダイカストホールディングス");
        // at least as severe as not registered
        assertThat(v.status().severity())
                .isLessThanOrEqualTo(
                        evaluate(new RegisterFacts(NUMBER, null, null)).status().severity());
    }

    @Test
    void a_closed_company_is_missing_with_the_close_date() {
        Verdict v = evaluate(new RegisterFacts(
                NUMBER, STAR4, null, new LegalStanding(State.CLOSED, LocalDate.of(2026, 11, 30), null, null)));
        assertThat(v.status()).isEqualTo(ComplianceStatus.MISSING);
        assertThat(v.reason()).isEqualTo(Reason.ENTITY_CLOSED);
        assertThat(v.reasonArguments()[5]).isEqualTo("2026-11-30");
    }

    @Test
    void a_number_absent_from_the_full_file_is_unverifiable_as_probably_mistyped_unless_the_register_knows_it() {
        Verdict unknown = evaluate(new RegisterFacts(NUMBER, null, null, LegalStanding.NOT_FOUND));
        assertThat(unknown.status()).isEqualTo(ComplianceStatus.UNVERIFIABLE);
        assertThat(unknown.reason()).isEqualTo(Reason.NUMBER_NOT_FOUND);
        assertThat(evaluate(new RegisterFacts(NUMBER, STAR4, null, LegalStanding.NOT_FOUND))
                        .status())
                .isEqualTo(ComplianceStatus.OK);
    }

    @Test
    void an_active_company_or_no_nta_data_leaves_the_register_rules_alone() {
        assertThat(evaluate(new RegisterFacts(NUMBER, STAR4, null, LegalStanding.ACTIVE))
                        .status())
                .isEqualTo(ComplianceStatus.OK);
        assertThat(evaluate(new RegisterFacts(NUMBER, null, null, LegalStanding.ACTIVE))
                        .reason())
                .isEqualTo(Reason.NOT_REGISTERED);
        assertThat(evaluate(new RegisterFacts(NUMBER, STAR4, null)).status()).isEqualTo(ComplianceStatus.OK);
    }

    @Test
    void a_contract_that_requires_nothing_is_not_flagged_for_a_closed_company() {
        Verdict v = ComplianceRules.evaluate(
                new RegisterFacts(NUMBER, null, null, MERGED), RequiredLevel.NONE, TODAY, PolicySettings.defaults());
        assertThat(v.status()).isEqualTo(ComplianceStatus.OK);
    }

    private static Verdict evaluate(RegisterFacts facts) {
        return ComplianceRules.evaluate(facts, RequiredLevel.STAR3, TODAY, PolicySettings.defaults());
    }
}
