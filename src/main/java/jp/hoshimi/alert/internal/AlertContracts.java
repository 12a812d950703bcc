package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_CONTRACT;
import static jp.hoshimi.db.Tables.ALERT_NOTIFICATION_CONTRACT;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.alert.AlertContract;
import jp.hoshimi.compliance.ComplianceEvents;
import jp.hoshimi.compliance.ComplianceEvents.Arrival;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The contracts an alert lists, as a reader may see them: for the notification centre, the outbox and the delivery list. */
@Repository
class AlertContracts {

    private final DSLContext dsl;
    private final ComplianceEvents events;

    AlertContracts(DSLContext dsl, ComplianceEvents events) {
        this.dsl = dsl;
        this.events = events;
    }

    private record Listed(long alertId, Arrival arrival, AlertContract contract) {}

    /**
     * The contracts of these alerts that {@code userId} may see; every one of them when {@code userId} is null.
     * Each with its status before the event: the status it had before the first LINK event from the alert's
     * source event on that brought this contract to the alert's status (a contract joins an alert by such an
     * event).
     */
    Map<Long, List<AlertContract>> of(Collection<Long> alertIds, Long userId) {
        var c = ALERT_CONTRACT;
        var a = ALERT;
        var n = ALERT_NOTIFICATION_CONTRACT;
        List<Listed> listed = new ArrayList<>();
        for (List<Long> chunk : InBatches.of(alertIds)) {
            var from = dsl.select(
                            c.ALERT_ID,
                            c.CONTRACT_ID,
                            c.CONTRACT_NUMBER,
                            c.CONTRACT_TITLE,
                            c.REQUIRED_LEVEL,
                            a.SUPPLIER_ID,
                            a.STATUS,
                            a.SOURCE_EVENT_ID)
                    .from(c)
                    .join(a)
                    .on(a.ID.eq(c.ALERT_ID));
            var where = userId == null
                    ? from.where(c.ALERT_ID.in(chunk))
                    : from.join(n)
                            .on(n.ALERT_ID.eq(c.ALERT_ID).and(n.CONTRACT_ID.eq(c.CONTRACT_ID)))
                            .where(c.ALERT_ID.in(chunk))
                            .and(n.USER_ID.eq(userId));
            listed.addAll(where.orderBy(c.ALERT_ID, c.CONTRACT_NUMBER)
                    .fetch(Records.mapping(
                            (alertId, contractId, number, title, requiredLevel, supplierId, status, sourceEventId) ->
                                    new Listed(
                                            alertId,
                                            supplierId == null || status == null || sourceEventId == null
                                                    ? null
                                                    : new Arrival(contractId, supplierId, status, sourceEventId),
                                            new AlertContract(contractId, number, title, requiredLevel, null)))));
        }
        Map<Arrival, ComplianceStatus> before = events.statusesBefore(listed.stream()
                .map(Listed::arrival)
                .filter(java.util.Objects::nonNull)
                .toList());
        Map<Long, List<AlertContract>> result = new HashMap<>();
        for (Listed row : listed) {
            AlertContract contract = row.contract();
            result.computeIfAbsent(row.alertId(), k -> new ArrayList<>())
                    .add(new AlertContract(
                            contract.id(),
                            contract.number(),
                            contract.title(),
                            contract.requiredLevel(),
                            row.arrival() == null ? null : before.get(row.arrival())));
        }
        return result;
    }
}
