package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_CONTRACT;
import static jp.hoshimi.db.Tables.ALERT_LETTER;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.hoshimi.alert.AlertContract;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.alert.internal.RecipientRepository.ContractInfo;
import jp.hoshimi.alert.internal.RecipientRepository.SupplierInfo;
import jp.hoshimi.compliance.ComplianceChange;
import jp.hoshimi.db.tables.records.AlertRecord;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;
import org.jooq.Records;
import org.springframework.stereotype.Repository;

/** The alerts themselves: each made once (by its key), the contracts it lists, and a letter's prepared text. */
@Repository
public class AlertRepository {

    /** An alert to insert; {@code dedupKey} makes a second insert of the same thing a no-op. */
    public record NewAlert(
            String dedupKey,
            AlertKind kind,
            Long sourceEventId,
            ContractInfo contract,
            SupplierInfo supplier,
            ComplianceChange change,
            Long importRunId,
            Map<String, String> details) {}

    /** A letter's prepared text; {@code secretLink} is there only until the letter has been sent. */
    public record Letter(String subject, String body, String secretLink) {}

    private final DSLContext dsl;

    AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts the alerts not there yet and answers the ids of all of them by key. */
    public Map<String, Long> insertAlerts(List<NewAlert> alerts, LocalDateTime now) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        for (List<NewAlert> chunk : InBatches.of(alerts)) {
            InsertSetMoreStep<AlertRecord> insert = null;
            for (NewAlert alert : chunk) {
                AlertRecord row = AlertRows.toRecord(alert, now);
                insert = insert == null
                        ? dsl.insertInto(ALERT).set(row)
                        : insert.newRecord().set(row);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
        Map<String, Long> ids = new HashMap<>();
        for (List<NewAlert> chunk : InBatches.of(alerts)) {
            ids.putAll(dsl.select(ALERT.DEDUP_KEY, ALERT.ID)
                    .from(ALERT)
                    .where(ALERT.DEDUP_KEY.in(
                            chunk.stream().map(NewAlert::dedupKey).toList()))
                    .collect(Records.intoMap()));
        }
        return ids;
    }

    public boolean alertExists(String dedupKey) {
        return dsl.fetchExists(ALERT, ALERT.DEDUP_KEY.eq(dedupKey));
    }

    /** The keys of the STATUS and EXPIRING alerts about these suppliers. */
    public Set<String> warningKeys(Collection<Long> supplierIds) {
        Set<String> keys = new HashSet<>();
        for (List<Long> chunk : InBatches.of(supplierIds)) {
            keys.addAll(dsl.select(ALERT.DEDUP_KEY)
                    .from(ALERT)
                    .where(ALERT.SUPPLIER_ID.in(chunk))
                    .and(ALERT.KIND.in(AlertKind.STATUS, AlertKind.EXPIRING))
                    .fetch(ALERT.DEDUP_KEY));
        }
        return keys;
    }

    /** The contracts of alerts (alert id, contract); one already there stays. */
    public void insertAlertContracts(long alertId, Collection<AlertContract> contracts) {
        var c = ALERT_CONTRACT;
        for (List<AlertContract> chunk : InBatches.of(contracts)) {
            var insert =
                    dsl.insertInto(c, c.ALERT_ID, c.CONTRACT_ID, c.CONTRACT_NUMBER, c.CONTRACT_TITLE, c.REQUIRED_LEVEL);
            for (AlertContract contract : chunk) {
                insert = insert.values(
                        alertId,
                        contract.id(),
                        contract.number(),
                        Columns.fit(contract.title(), 300),
                        contract.requiredLevel());
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    // --- letters to outside addresses (issue 19) ----------------------------------------------------

    public void insertLetter(long alertId, String subject, String body, String secretLink) {
        var l = ALERT_LETTER;
        dsl.insertInto(l, l.ALERT_ID, l.SUBJECT, l.BODY, l.SECRET_LINK)
                .values(alertId, Columns.fit(subject, 300), body, secretLink)
                .onDuplicateKeyIgnore()
                .execute();
    }

    public Optional<Letter> letter(long alertId) {
        var l = ALERT_LETTER;
        return dsl.select(l.SUBJECT, l.BODY, l.SECRET_LINK)
                .from(l)
                .where(l.ALERT_ID.eq(alertId))
                .fetchOptional(Records.mapping(Letter::new));
    }
}
