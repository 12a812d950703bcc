package jp.hoshimi.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.RequiredLevel;
import jp.hoshimi.shared.StarLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertRulesTest {

    static ComplianceChange link(ComplianceStatus from, Integer fromDays, ComplianceStatus to, Integer toDays) {
        return new ComplianceChange(
                10,
                "LINK",
                1L,
                2L,
                from,
                to,
                fromDays,
                toDays,
                RequiredLevel.STAR4,
                StarLevel.STAR4,
                LocalDate.of(2027, 3, 31),
                "X");
    }

    @ParameterizedTest(name = "{0}/{1} → {2}/{3}: {4} {5}")
    @CsvSource(
            nullValues = "null",
            value = {
                // first seen: failing statuses and a crossed lead time are news, OK is not
                "null,     null, EXPIRED,      null, STATUS,   EXPIRED",
                "null,     null, MISSING,      null, STATUS,   MISSING",
                "null,     null, EXPIRING,     180,  EXPIRING, 180",
                "null,     null, OK,           null, none,     none",
                "null,     null, UNVERIFIABLE, null, none,     none",
                // getting worse
                "OK,       null, INSUFFICIENT, null, STATUS,   INSUFFICIENT",
                "EXPIRING, 30,   EXPIRED,      null, STATUS,   EXPIRED",
                "EXPIRED,  null, REVOKED,      null, STATUS,   REVOKED",
                "OK,       null, EXPIRING,     90,   EXPIRING, 90",
                // a threshold crossing is an event with the same status and fewer days
                "EXPIRING, 180,  EXPIRING,     90,   EXPIRING, 90",
                "EXPIRING, 90,   EXPIRING,     30,   EXPIRING, 30",
                // a renewal that still warns, later: nobody needs to hear it
                "EXPIRING, 30,   EXPIRING,     90,   none,     none",
                // back to OK from something we told: a resolution
                "EXPIRED,  null, OK,           null, RESOLVED, -",
                "EXPIRING, 30,   OK,           null, RESOLVED, -",
                "UNVERIFIABLE, null, OK,       null, none,     none",
                "UNVERIFIABLE, null, MISSING,  null, STATUS,   MISSING",
            })
    void which_changes_make_an_alert(
            ComplianceStatus from,
            Integer fromDays,
            ComplianceStatus to,
            Integer toDays,
            String kind,
            String qualifier) {
        var planned = AlertRules.plan(link(from, fromDays, to, toDays));
        if ("none".equals(kind)) {
            assertThat(planned).isEmpty();
        } else {
            assertThat(planned).contains(new AlertRules.Planned(AlertKind.valueOf(kind), qualifier));
        }
    }

    @ParameterizedTest
    @CsvSource({"CONTRACT", "SUPPLIER"})
    void only_chain_findings_make_alerts_not_their_roll_ups(String subject) {
        var change = new ComplianceChange(
                10,
                subject,
                1L,
                2L,
                ComplianceStatus.OK,
                ComplianceStatus.EXPIRED,
                null,
                null,
                RequiredLevel.STAR4,
                StarLevel.STAR4,
                LocalDate.of(2027, 3, 31),
                "X");
        assertThat(AlertRules.plan(change)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_key_names_supplier_kind_threshold_validity_and_episode_not_the_contract() {
        var change = link(ComplianceStatus.EXPIRING, 90, ComplianceStatus.EXPIRING, 30);
        var planned = AlertRules.plan(change).orElseThrow();
        assertThat(AlertRules.dedupKey(change, planned, 0)).isEqualTo("SUPPLIER:2:EXPIRING:30:2027-03-31:e0");
        // after a return to OK (event 7) the same crossing is a new alert
        assertThat(AlertRules.dedupKey(change, planned, 7)).isEqualTo("SUPPLIER:2:EXPIRING:30:2027-03-31:e7");
        var resolved = link(ComplianceStatus.EXPIRED, null, ComplianceStatus.OK, null);
        assertThat(AlertRules.dedupKey(resolved, AlertRules.plan(resolved).orElseThrow(), 0))
                .isEqualTo("SUPPLIER:2:RESOLVED:-:-:e0");
        // the same event in another contract of the supplier: the same alert
        var other = new ComplianceChange(
                11,
                "LINK",
                9L,
                2L,
                ComplianceStatus.EXPIRING,
                ComplianceStatus.EXPIRING,
                90,
                30,
                RequiredLevel.STAR3,
                StarLevel.STAR4,
                LocalDate.of(2027, 3, 31),
                "X");
        assertThat(AlertRules.dedupKey(other, AlertRules.plan(other).orElseThrow(), 0))
                .isEqualTo(AlertRules.dedupKey(change, planned, 0));
    }
}
