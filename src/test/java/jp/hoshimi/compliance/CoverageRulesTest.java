package jp.hoshimi.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Contract-term coverage and renewals, table-driven (issue 20). */
class CoverageRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static Stream<Arguments> renewals() {
        return Stream.of(
                // the example: ★3 until 2027-09-30, the contract runs to 2029-03-31 → two renewals
                Arguments.of(
                        StarLevel.STAR3, d("2027-09-30"), d("2029-03-31"), List.of(d("2027-09-30"), d("2028-09-30"))),
                // a three-year contract on a fresh one-year ★3 registration needs two renewals
                Arguments.of(
                        StarLevel.STAR3, d("2028-03-31"), d("2030-03-31"), List.of(d("2028-03-31"), d("2029-03-31"))),
                // the registration ends on the contract's last day: covered, nothing to renew
                Arguments.of(StarLevel.STAR3, d("2029-03-31"), d("2029-03-31"), List.of()),
                // one day short: one renewal
                Arguments.of(StarLevel.STAR3, d("2029-03-30"), d("2029-03-31"), List.of(d("2029-03-30"))),
                // ★4 lasts three years: one renewal covers a contract to 2030
                Arguments.of(StarLevel.STAR4, d("2027-09-30"), d("2030-09-30"), List.of(d("2027-09-30"))),
                Arguments.of(
                        StarLevel.STAR4, d("2027-09-30"), d("2030-10-01"), List.of(d("2027-09-30"), d("2030-09-30"))),
                // ★5's period is not published: the first renewal only
                Arguments.of(StarLevel.STAR5, d("2027-09-30"), d("2035-03-31"), List.of(d("2027-09-30"))),
                // no end date: nothing can be counted
                Arguments.of(StarLevel.STAR3, d("2027-09-30"), null, List.of()),
                // SECURITY ACTION has no expiry
                Arguments.of(StarLevel.SA2, null, d("2029-03-31"), List.of()),
                // 29 February stays the end of February
                Arguments.of(
                        StarLevel.STAR3,
                        d("2028-02-29"),
                        d("2030-03-01"),
                        List.of(d("2028-02-29"), d("2029-02-28"), d("2030-02-28"))));
    }

    @ParameterizedTest(name = "{0} until {1}, contract to {2}: renew after {3}")
    @MethodSource("renewals")
    void renewals_follow_the_validity_period_of_the_held_level(
            StarLevel held, LocalDate validUntil, LocalDate contractEnd, List<LocalDate> expected) {
        assertThat(CoverageRules.renewalsBefore(held, validUntil, contractEnd)).isEqualTo(expected);
    }

    static Stream<Arguments> contracts() {
        Finding star3 = link(1, ComplianceStatus.OK, RequiredLevel.STAR3, StarLevel.STAR3, "2027-09-30");
        Finding star4 = link(2, ComplianceStatus.OK, RequiredLevel.STAR4, StarLevel.STAR4, "2028-06-30");
        Finding expiring = link(3, ComplianceStatus.EXPIRING, RequiredLevel.STAR3, StarLevel.STAR4, "2026-12-20");
        Finding missing = link(4, ComplianceStatus.MISSING, RequiredLevel.STAR3, null, null);
        Finding notRequired = link(5, ComplianceStatus.OK, RequiredLevel.NONE, StarLevel.STAR3, "2027-01-31");
        Finding securityAction = link(6, ComplianceStatus.OK, RequiredLevel.SA2, StarLevel.SA2, null);
        return Stream.of(
                row("one ★3 link, three-year contract", "2029-03-31", List.of(star3), "UNTIL", "2027-09-30", true, 2),
                row("several links: the earliest", "2029-03-31", List.of(star4, star3), "UNTIL", "2027-09-30", true, 3),
                row("expiring still covers", "2027-03-31", List.of(star4, expiring), "UNTIL", "2026-12-20", true, 1),
                row("covered to the end", "2027-06-30", List.of(star3, star4), "UNTIL", "2027-09-30", false, 0),
                row("no end date", null, List.of(star3, star4), "UNTIL", "2027-09-30", false, 0),
                row("a failing link: not covered", "2029-03-31", List.of(star3, missing), "NOT_COVERED", null, true, 2),
                row("a failing link, no end date", null, List.of(missing), "NOT_COVERED", null, false, 0),
                row(
                        "requiring nothing never limits",
                        "2027-06-30",
                        List.of(notRequired, star3),
                        "UNTIL",
                        "2027-09-30",
                        false,
                        0),
                row("nothing expires", "2029-03-31", List.of(securityAction), "NO_EXPIRY", null, false, 0),
                row("not evaluated yet", "2029-03-31", List.of(), "NOT_EVALUATED", null, false, 0));
    }

    /** A contract ending on {@code end} (null: open), its chain; expected: kind, covered until, ends before, renewals. */
    static Arguments row(
            String name, String end, List<Finding> chain, String kind, String until, boolean before, int renewals) {
        return Arguments.of(
                name,
                end == null ? null : d(end),
                chain,
                ContractCoverage.Kind.valueOf(kind),
                until == null ? null : d(until),
                before,
                renewals);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void a_contract_is_covered_until_the_earliest_end_among_links_that_meet_their_level(
            String name,
            LocalDate end,
            List<Finding> chain,
            ContractCoverage.Kind kind,
            LocalDate coveredUntil,
            boolean endsBeforeContract,
            int renewals) {
        ContractCoverage coverage = CoverageRules.cover(d("2026-04-01"), end, chain);

        assertThat(coverage.kind()).isEqualTo(kind);
        assertThat(coverage.coveredUntil()).isEqualTo(coveredUntil);
        assertThat(coverage.endsBeforeContract()).isEqualTo(endsBeforeContract);
        assertThat(coverage.renewals()).isEqualTo(renewals);
    }

    @Test
    void a_star5_renewal_makes_the_count_unknown() {
        Finding star5 = link(7, ComplianceStatus.OK, RequiredLevel.STAR5, StarLevel.STAR5, "2027-09-30");
        ContractCoverage coverage = CoverageRules.cover(d("2026-04-01"), d("2031-03-31"), List.of(star5));

        assertThat(coverage.renewals()).isEqualTo(1);
        assertThat(coverage.renewalCountKnown()).isFalse();
    }

    static Finding link(
            long supplierId, ComplianceStatus status, RequiredLevel required, StarLevel held, String until) {
        Verdict verdict = new Verdict(
                status,
                Reason.VALID,
                required,
                held,
                held == null ? null : "ACTIVE",
                until == null ? null : d(until),
                null,
                TODAY);
        return new Finding(1, "C-1", "contract", supplierId, "S" + supplierId, null, 1, verdict, null, null);
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
