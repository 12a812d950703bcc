package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_CONTRACT;
import static jp.hoshimi.db.Tables.ALERT_CURSOR;
import static jp.hoshimi.db.Tables.ALERT_LETTER;
import static jp.hoshimi.db.Tables.ALERT_NOTIFICATION;
import static jp.hoshimi.db.Tables.ALERT_NOTIFICATION_CONTRACT;
import static jp.hoshimi.db.Tables.ALERT_OUTBOX;
import static jp.hoshimi.db.Tables.ALERT_PREFERENCE;
import static jp.hoshimi.db.Tables.ALERT_WEBHOOK;
import static jp.hoshimi.db.Tables.APP_USER;
import static jp.hoshimi.db.Tables.APP_USER_ORG_UNIT;
import static jp.hoshimi.db.Tables.APP_USER_ROLE;
import static jp.hoshimi.db.Tables.COMPLIANCE_EVENT;
import static jp.hoshimi.db.Tables.CONTRACT;
import static jp.hoshimi.db.Tables.ORG_UNIT;
import static jp.hoshimi.db.Tables.REGISTER_SYNC_RUN;
import static jp.hoshimi.db.Tables.SUPPLIER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.hoshimi.alert.Alert;
import jp.hoshimi.alert.AlertContract;
import jp.hoshimi.alert.AlertKind;
import jp.hoshimi.alert.AlertPreferences;
import jp.hoshimi.alert.Channel;
import jp.hoshimi.alert.ComplianceChange;
import jp.hoshimi.alert.Delivery;
import jp.hoshimi.alert.DeliveryStatus;
import jp.hoshimi.alert.Notification;
import jp.hoshimi.alert.WebhookSettings;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The alert tables, and the few facts about contracts, suppliers, units and users that alerts need. */
@Repository
public class AlertRepository {

    private static final int IN_BATCH = 1000;
    private static final String WEBHOOK_RECIPIENT_NAME = "webhook";
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final DSLContext dsl;
    private final ObjectMapper json = new ObjectMapper();

    AlertRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    // --- records handed to the alert package -------------------------------------------------------

    public record ContractInfo(long id, String number, String title, long orgUnitId, Long ownerUserId) {}

    public record SupplierInfo(long id, String name, String corporateNumber) {}

    /** A person who can be told, with their choices (defaults when they never saved any). */
    public record Recipient(
            long userId, String username, String email, boolean emailEnabled, boolean dailyDigest, String language) {}

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

    public record NewDelivery(
            long alertId, Channel channel, long recipientId, String language, boolean digest, LocalDateTime dueAt) {}

    /** A claimed outbox row with everything needed to send it. */
    public record OutboxItem(
            long id,
            Alert alert,
            Channel channel,
            long recipientId,
            String language,
            boolean digest,
            int attempts,
            String address) {

        OutboxItem withAlert(Alert changed) {
            return new OutboxItem(id, changed, channel, recipientId, language, digest, attempts, address);
        }
    }

    // --- the compliance event cursor ---------------------------------------------------------------

    /** The cursor's position, row-locked until the transaction ends: one reader at a time in the cluster. */
    public long lockCursor(String name) {
        return dsl.select(ALERT_CURSOR.LAST_ID)
                .from(ALERT_CURSOR)
                .where(ALERT_CURSOR.NAME.eq(name))
                .forUpdate()
                .fetchSingle(ALERT_CURSOR.LAST_ID);
    }

    public void moveCursor(String name, long lastId, LocalDateTime now) {
        dsl.update(ALERT_CURSOR)
                .set(ALERT_CURSOR.LAST_ID, lastId)
                .set(ALERT_CURSOR.UPDATED_AT, now)
                .where(ALERT_CURSOR.NAME.eq(name))
                .execute();
    }

    public List<ComplianceChange> eventsAfter(long id, int limit) {
        var e = COMPLIANCE_EVENT;
        return dsl.select(
                        e.ID,
                        e.SUBJECT,
                        e.CONTRACT_ID,
                        e.SUPPLIER_ID,
                        e.OLD_STATUS,
                        e.NEW_STATUS,
                        e.OLD_WARNING_DAYS,
                        e.NEW_WARNING_DAYS,
                        e.REQUIRED_LEVEL,
                        e.HELD_LEVEL,
                        e.VALID_UNTIL,
                        e.REASON_CODE,
                        e.OCCURRED_AT)
                .from(e)
                .where(e.ID.gt(id))
                .orderBy(e.ID)
                .limit(limit)
                .fetch(r -> new ComplianceChange(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10(),
                        r.value11(),
                        r.value12(),
                        r.value13()));
    }

    /** The LINK events up to {@code upToId} that returned a finding about these suppliers to OK. */
    public List<ComplianceChange> okEventsOfSuppliers(Collection<Long> supplierIds, long upToId) {
        var e = COMPLIANCE_EVENT;
        List<ComplianceChange> result = new ArrayList<>();
        for (List<Long> ids : chunks(supplierIds)) {
            result.addAll(dsl.select(e.ID, e.CONTRACT_ID, e.SUPPLIER_ID, e.OCCURRED_AT)
                    .from(e)
                    .where(e.SUPPLIER_ID.in(ids))
                    .and(e.SUBJECT.eq("LINK"))
                    // an accepted risk (issue 20) starts a new episode too: its lapse is news again
                    .and(e.NEW_STATUS
                            .eq("OK")
                            .or(e.NEW_STATUS.eq("ACCEPTED").and(e.OLD_STATUS.isDistinctFrom("ACCEPTED"))))
                    .and(e.ID.le(upToId))
                    .fetch(r -> new ComplianceChange(
                            r.value1(),
                            "LINK",
                            r.value2(),
                            r.value3(),
                            null,
                            "OK",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            r.value4())));
        }
        return result;
    }

    // --- who and what ------------------------------------------------------------------------------

    public Map<Long, ContractInfo> contracts(Collection<Long> ids) {
        Map<Long, ContractInfo> result = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            dsl.select(
                            CONTRACT.ID,
                            CONTRACT.CONTRACT_NUMBER,
                            CONTRACT.TITLE,
                            CONTRACT.ORG_UNIT_ID,
                            CONTRACT.OWNER_USER_ID)
                    .from(CONTRACT)
                    .where(CONTRACT.ID.in(chunk))
                    .forEach(r -> result.put(
                            r.value1(), new ContractInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5())));
        }
        return result;
    }

    public Map<Long, SupplierInfo> suppliers(Collection<Long> ids) {
        Map<Long, SupplierInfo> result = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            dsl.select(SUPPLIER.ID, SUPPLIER.NAME, SUPPLIER.CORPORATE_NUMBER)
                    .from(SUPPLIER)
                    .where(SUPPLIER.ID.in(chunk))
                    .forEach(r -> result.put(r.value1(), new SupplierInfo(r.value1(), r.value2(), r.value3())));
        }
        return result;
    }

    /** Every unit's parent (null for a top unit): the tree is small, one query. */
    public Map<Long, Long> unitParents() {
        Map<Long, Long> result = new HashMap<>();
        dsl.select(ORG_UNIT.ID, ORG_UNIT.PARENT_ID).from(ORG_UNIT).forEach(r -> result.put(r.value1(), r.value2()));
        return result;
    }

    /** Enabled members of these units, per unit. */
    public Map<Long, List<Long>> members(Collection<Long> unitIds) {
        Map<Long, List<Long>> result = new HashMap<>();
        for (List<Long> chunk : chunks(unitIds)) {
            dsl.select(APP_USER_ORG_UNIT.ORG_UNIT_ID, APP_USER_ORG_UNIT.USER_ID)
                    .from(APP_USER_ORG_UNIT)
                    .join(APP_USER)
                    .on(APP_USER.ID.eq(APP_USER_ORG_UNIT.USER_ID))
                    .where(APP_USER_ORG_UNIT.ORG_UNIT_ID.in(chunk))
                    .and(APP_USER.ENABLED.isTrue())
                    .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(r.value2()));
        }
        return result;
    }

    /** Enabled users holding a role. */
    public List<Long> usersWithRole(String role) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .join(APP_USER_ROLE)
                .on(APP_USER_ROLE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER_ROLE.ROLE.eq(role))
                .and(APP_USER.ENABLED.isTrue())
                .orderBy(APP_USER.ID)
                .fetch(APP_USER.ID);
    }

    public Optional<Long> userId(String username) {
        return dsl.select(APP_USER.ID)
                .from(APP_USER)
                .where(APP_USER.USERNAME.eq(username))
                .fetchOptional(APP_USER.ID);
    }

    /** The enabled ones of these users with their choices. */
    public Map<Long, Recipient> recipients(Collection<Long> userIds) {
        Map<Long, Recipient> result = new LinkedHashMap<>();
        var p = ALERT_PREFERENCE;
        for (List<Long> chunk : chunks(userIds)) {
            dsl.select(
                            APP_USER.ID,
                            APP_USER.USERNAME,
                            APP_USER.EMAIL,
                            APP_USER.LOCALE,
                            p.EMAIL_ENABLED,
                            p.DAILY_DIGEST,
                            p.LANGUAGE)
                    .from(APP_USER)
                    .leftJoin(p)
                    .on(p.USER_ID.eq(APP_USER.ID))
                    .where(APP_USER.ID.in(chunk))
                    .and(APP_USER.ENABLED.isTrue())
                    .orderBy(APP_USER.ID)
                    .forEach(r -> result.put(
                            r.value1(),
                            new Recipient(
                                    r.value1(),
                                    r.value2(),
                                    r.value3(),
                                    r.value5() == null || r.value5(),
                                    r.value6() != null && r.value6(),
                                    r.value7() != null ? r.value7() : AlertPreferences.language(r.value4()))));
        }
        return result;
    }

    // --- writing alerts ----------------------------------------------------------------------------

    /** Inserts the alerts not there yet and answers the ids of all of them by key. */
    public Map<String, Long> insertAlerts(List<NewAlert> alerts, LocalDateTime now) {
        if (alerts.isEmpty()) {
            return Map.of();
        }
        var a = ALERT;
        for (List<NewAlert> chunk : chunks(alerts)) {
            var insert = dsl.insertInto(
                    a,
                    a.DEDUP_KEY,
                    a.KIND,
                    a.CREATED_AT,
                    a.SOURCE_EVENT_ID,
                    a.CONTRACT_ID,
                    a.CONTRACT_NUMBER,
                    a.CONTRACT_TITLE,
                    a.SUPPLIER_ID,
                    a.SUPPLIER_NAME,
                    a.CORPORATE_NUMBER,
                    a.STATUS,
                    a.PREVIOUS_STATUS,
                    a.WARNING_DAYS,
                    a.REQUIRED_LEVEL,
                    a.HELD_LEVEL,
                    a.VALID_UNTIL,
                    a.REASON_CODE,
                    a.IMPORT_RUN_ID,
                    a.DETAILS_JSON);
            for (NewAlert alert : chunk) {
                ComplianceChange c = alert.change();
                insert = insert.values(
                        alert.dedupKey(),
                        alert.kind().name(),
                        now,
                        alert.sourceEventId(),
                        contractId(alert),
                        alert.contract() == null ? null : alert.contract().number(),
                        alert.contract() == null
                                ? null
                                : truncate(alert.contract().title(), 300),
                        supplierId(alert),
                        alert.supplier() == null
                                ? null
                                : truncate(alert.supplier().name(), 300),
                        alert.supplier() == null ? null : alert.supplier().corporateNumber(),
                        c == null ? null : c.newStatus(),
                        c == null ? null : c.oldStatus(),
                        c == null ? null : c.newWarningDays(),
                        c == null ? null : c.requiredLevel(),
                        c == null ? null : c.heldLevel(),
                        c == null ? null : c.validUntil(),
                        c == null ? null : c.reasonCode(),
                        alert.importRunId(),
                        alert.details() == null || alert.details().isEmpty() ? null : write(alert.details()));
            }
            insert.onDuplicateKeyIgnore().execute();
        }
        Map<String, Long> ids = new HashMap<>();
        for (List<NewAlert> chunk : chunks(alerts)) {
            dsl.select(a.DEDUP_KEY, a.ID)
                    .from(a)
                    .where(a.DEDUP_KEY.in(chunk.stream().map(NewAlert::dedupKey).toList()))
                    .forEach(r -> ids.put(r.value1(), r.value2()));
        }
        return ids;
    }

    private static Long contractId(NewAlert alert) {
        if (alert.contract() != null) {
            return alert.contract().id();
        }
        return alert.change() == null ? null : alert.change().contractId();
    }

    private static Long supplierId(NewAlert alert) {
        if (alert.supplier() != null) {
            return alert.supplier().id();
        }
        return alert.change() == null ? null : alert.change().supplierId();
    }

    /** (alert id, user id) pairs; a pair already there stays as it is (read or not). */
    public void insertNotifications(List<long[]> pairs, LocalDateTime now) {
        var n = ALERT_NOTIFICATION;
        for (List<long[]> chunk : chunks(pairs)) {
            var insert = dsl.insertInto(n, n.ALERT_ID, n.USER_ID, n.CREATED_AT);
            for (long[] pair : chunk) {
                insert = insert.values(pair[0], pair[1], now);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    public void insertDeliveries(List<NewDelivery> deliveries, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        for (List<NewDelivery> chunk : chunks(deliveries)) {
            var insert = dsl.insertInto(
                    o, o.ALERT_ID, o.CHANNEL, o.RECIPIENT_ID, o.LANGUAGE, o.DIGEST, o.STATUS, o.DUE_AT, o.CREATED_AT);
            for (NewDelivery d : chunk) {
                insert = insert.values(
                        d.alertId(),
                        d.channel().name(),
                        d.recipientId(),
                        d.language(),
                        d.digest(),
                        DeliveryStatus.PENDING.name(),
                        d.dueAt(),
                        now);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /**
     * The id of the last compliance event that happened before the first successful sync of the ★
     * register; empty while there has been none.
     */
    public Optional<Long> lastEventBeforeFirstSync() {
        var r = REGISTER_SYNC_RUN;
        LocalDateTime first = dsl.select(DSL.min(r.FINISHED_AT))
                .from(r)
                .where(r.KIND.eq("STAR"))
                .and(r.OUTCOME.in("SUCCEEDED", "NOT_MODIFIED"))
                .fetchOne(0, LocalDateTime.class);
        if (first == null) {
            return Optional.empty();
        }
        Long id = dsl.select(DSL.max(COMPLIANCE_EVENT.ID))
                .from(COMPLIANCE_EVENT)
                .where(COMPLIANCE_EVENT.OCCURRED_AT.lt(first))
                .fetchOne(0, Long.class);
        return Optional.of(id == null ? 0L : id);
    }

    /** The keys of the STATUS and EXPIRING alerts about these suppliers. */
    public java.util.Set<String> warningKeys(Collection<Long> supplierIds) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (List<Long> chunk : chunks(supplierIds)) {
            keys.addAll(dsl.select(ALERT.DEDUP_KEY)
                    .from(ALERT)
                    .where(ALERT.SUPPLIER_ID.in(chunk))
                    .and(ALERT.KIND.in(AlertKind.STATUS.name(), AlertKind.EXPIRING.name()))
                    .fetch(ALERT.DEDUP_KEY));
        }
        return keys;
    }

    /** The contracts of alerts (alert id, contract); one already there stays. */
    public void insertAlertContracts(long alertId, Collection<AlertContract> contracts) {
        var c = ALERT_CONTRACT;
        for (List<AlertContract> chunk : chunks(contracts)) {
            var insert =
                    dsl.insertInto(c, c.ALERT_ID, c.CONTRACT_ID, c.CONTRACT_NUMBER, c.CONTRACT_TITLE, c.REQUIRED_LEVEL);
            for (AlertContract contract : chunk) {
                insert = insert.values(
                        alertId,
                        contract.id(),
                        contract.number(),
                        truncate(contract.title(), 300),
                        contract.requiredLevel());
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /** (alert id, user id, contract id): which contracts of an alert a person told may see. */
    public void insertNotificationContracts(List<long[]> rows) {
        var n = ALERT_NOTIFICATION_CONTRACT;
        for (List<long[]> chunk : chunks(rows)) {
            var insert = dsl.insertInto(n, n.ALERT_ID, n.USER_ID, n.CONTRACT_ID);
            for (long[] row : chunk) {
                insert = insert.values(row[0], row[1], row[2]);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
    }

    /**
     * The contracts of these alerts that {@code userId} may see; every one of them when {@code userId} is null.
     * Each with its status before the event: the old status of the first LINK event from the alert's source
     * event on that brought this contract to the alert's status (a contract joins an alert by such an event).
     */
    public Map<Long, List<AlertContract>> contractsOf(Collection<Long> alertIds, Long userId) {
        var c = ALERT_CONTRACT;
        var a = ALERT;
        var e = COMPLIANCE_EVENT;
        var n = ALERT_NOTIFICATION_CONTRACT;
        var previousStatus = DSL.field(DSL.select(e.OLD_STATUS)
                        .from(e)
                        .where(e.SUBJECT.eq("LINK"))
                        .and(e.CONTRACT_ID.eq(c.CONTRACT_ID))
                        .and(e.SUPPLIER_ID.eq(a.SUPPLIER_ID))
                        .and(e.NEW_STATUS.eq(a.STATUS))
                        .and(e.ID.ge(a.SOURCE_EVENT_ID))
                        .orderBy(e.ID)
                        .limit(1))
                .as("previous_status");
        Map<Long, List<AlertContract>> result = new HashMap<>();
        for (List<Long> chunk : chunks(alertIds)) {
            var from = dsl.select(
                            c.ALERT_ID,
                            c.CONTRACT_ID,
                            c.CONTRACT_NUMBER,
                            c.CONTRACT_TITLE,
                            c.REQUIRED_LEVEL,
                            previousStatus)
                    .from(c)
                    .join(a)
                    .on(a.ID.eq(c.ALERT_ID));
            var where = userId == null
                    ? from.where(c.ALERT_ID.in(chunk))
                    : from.join(n)
                            .on(n.ALERT_ID.eq(c.ALERT_ID).and(n.CONTRACT_ID.eq(c.CONTRACT_ID)))
                            .where(c.ALERT_ID.in(chunk))
                            .and(n.USER_ID.eq(userId));
            where.orderBy(c.ALERT_ID, c.CONTRACT_NUMBER)
                    .forEach(r -> result.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new AlertContract(r.value2(), r.value3(), r.value4(), r.value5(), r.value6())));
        }
        return result;
    }

    /** Outbox items with the contracts their recipient may see (the webhook: all of them). */
    private List<OutboxItem> withContracts(List<OutboxItem> items) {
        Map<Long, Map<Long, List<AlertContract>>> byRecipient = new HashMap<>();
        List<OutboxItem> result = new ArrayList<>();
        for (OutboxItem item : items) {
            Long reader = item.channel() == Channel.WEBHOOK ? null : item.recipientId();
            Map<Long, List<AlertContract>> contracts = byRecipient.computeIfAbsent(
                    reader == null ? 0L : reader,
                    key -> contractsOf(
                            items.stream()
                                    .filter(i -> i.channel() == item.channel() && i.recipientId() == item.recipientId())
                                    .map(i -> i.alert().id())
                                    .toList(),
                            reader));
            result.add(item.withAlert(item.alert()
                    .withContracts(contracts.getOrDefault(item.alert().id(), List.of()))));
        }
        return result;
    }

    public boolean alertExists(String dedupKey) {
        return dsl.fetchExists(ALERT, ALERT.DEDUP_KEY.eq(dedupKey));
    }

    // --- the dispatcher ----------------------------------------------------------------------------

    /** Claims whose sender did not finish in time (its node stopped): they may have gone out. */
    public int markAbandoned(LocalDateTime now) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                .set(o.STATUS, DeliveryStatus.UNCERTAIN.name())
                .set(o.LAST_ERROR, "alert.delivery.abandoned")
                .set(o.CLAIM_TOKEN, (String) null)
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.STATUS.eq(DeliveryStatus.SENDING.name()))
                .and(o.CLAIMED_UNTIL.lt(now))
                .execute();
    }

    /** Atomically marks up to {@code limit} due rows as being sent under {@code token}, counting the attempt. */
    public int claim(String token, LocalDateTime now, LocalDateTime until, int limit) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                .set(o.STATUS, DeliveryStatus.SENDING.name())
                .set(o.CLAIM_TOKEN, token)
                .set(o.CLAIMED_UNTIL, until)
                .set(o.ATTEMPTS, o.ATTEMPTS.plus(1))
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.STATUS.eq(DeliveryStatus.PENDING.name()))
                .and(o.DUE_AT.le(now))
                .orderBy(o.DUE_AT, o.ID)
                .limit(limit)
                .execute();
    }

    /** Extends the claims a dispatcher still works on (its heartbeat). */
    public int extendClaim(String token, LocalDateTime until) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                .set(o.CLAIMED_UNTIL, until)
                .where(o.CLAIM_TOKEN.eq(token))
                .and(o.STATUS.eq(DeliveryStatus.SENDING.name()))
                .execute();
    }

    public List<OutboxItem> claimed(String token) {
        var o = ALERT_OUTBOX;
        List<SelectField<?>> fields = new ArrayList<>(alertFields());
        fields.addAll(List.of(
                o.ID,
                o.CHANNEL,
                o.RECIPIENT_ID,
                o.LANGUAGE,
                o.DIGEST,
                o.ATTEMPTS,
                o.MAIL_TO,
                APP_USER.EMAIL,
                ALERT_WEBHOOK.URL));
        List<OutboxItem> items = dsl.select(fields)
                .from(o)
                .join(ALERT)
                .on(ALERT.ID.eq(o.ALERT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(o.RECIPIENT_ID))
                .leftJoin(ALERT_WEBHOOK)
                .on(ALERT_WEBHOOK.ID.eq(1).and(o.CHANNEL.eq(Channel.WEBHOOK.name())))
                .where(o.CLAIM_TOKEN.eq(token))
                .and(o.STATUS.eq(DeliveryStatus.SENDING.name()))
                .orderBy(o.RECIPIENT_ID, ALERT.CREATED_AT, ALERT.ID)
                .fetch(r -> {
                    Channel channel = Channel.valueOf(r.get(o.CHANNEL));
                    return new OutboxItem(
                            r.get(o.ID),
                            toAlert(r),
                            channel,
                            r.get(o.RECIPIENT_ID),
                            r.get(o.LANGUAGE),
                            r.get(o.DIGEST),
                            r.get(o.ATTEMPTS),
                            channel == Channel.EMAIL ? mailAddress(r) : r.get(ALERT_WEBHOOK.URL));
                });
        return withContracts(items);
    }

    /** A letter goes to the address it was written to; anything else to the recipient's current address. */
    private static String mailAddress(Record r) {
        String to = r.get(ALERT_OUTBOX.MAIL_TO);
        return to != null ? to : r.get(APP_USER.EMAIL);
    }

    // --- letters to outside addresses (issue 19) ----------------------------------------------------

    /** A letter's prepared text; {@code secretLink} is there only until the letter has been sent. */
    public record Letter(String subject, String body, String secretLink) {}

    public void insertLetter(long alertId, String subject, String body, String secretLink) {
        var l = ALERT_LETTER;
        dsl.insertInto(l, l.ALERT_ID, l.SUBJECT, l.BODY, l.SECRET_LINK)
                .values(alertId, truncate(subject, 300), body, secretLink)
                .onDuplicateKeyIgnore()
                .execute();
    }

    /** The one outbox row of a letter: recipient 0 (nobody of ours), the outside address in mail_to. */
    public void insertLetterDelivery(long alertId, String to, String language, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        dsl.insertInto(
                        o,
                        o.ALERT_ID,
                        o.CHANNEL,
                        o.RECIPIENT_ID,
                        o.MAIL_TO,
                        o.LANGUAGE,
                        o.DIGEST,
                        o.STATUS,
                        o.DUE_AT,
                        o.CREATED_AT)
                .values(alertId, Channel.EMAIL.name(), 0L, to, language, false, DeliveryStatus.PENDING.name(), now, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    public Optional<Letter> letter(long alertId) {
        var l = ALERT_LETTER;
        return dsl.select(l.SUBJECT, l.BODY, l.SECRET_LINK)
                .from(l)
                .where(l.ALERT_ID.eq(alertId))
                .fetchOptional(r -> new Letter(r.value1(), r.value2(), r.value3()));
    }

    public void markSent(Collection<Long> ids, String token, String messageId, String address, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        // a sent letter forgets its answer link: from now on only the link's hash exists (issue 19)
        dsl.update(ALERT_LETTER)
                .set(ALERT_LETTER.SECRET_LINK, (String) null)
                .where(ALERT_LETTER.ALERT_ID.in(
                        DSL.select(o.ALERT_ID).from(o).where(o.ID.in(ids)).and(o.CLAIM_TOKEN.eq(token))))
                .execute();
        dsl.update(o)
                .set(o.STATUS, DeliveryStatus.SENT.name())
                .set(o.SENT_AT, now)
                .set(o.MESSAGE_ID, truncate(messageId, 200))
                .set(o.ADDRESS, truncate(address, 500))
                .set(o.LAST_ERROR, (String) null)
                .set(o.CLAIM_TOKEN, (String) null)
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.ID.in(ids))
                .and(o.CLAIM_TOKEN.eq(token))
                .execute();
    }

    /** A failed attempt: PENDING again at {@code retryAt}, or FAILED when that is null. */
    public void markFailed(Collection<Long> ids, String token, String error, String address, LocalDateTime retryAt) {
        var o = ALERT_OUTBOX;
        dsl.update(o)
                .set(o.STATUS, retryAt == null ? DeliveryStatus.FAILED.name() : DeliveryStatus.PENDING.name())
                .set(o.DUE_AT, retryAt == null ? o.DUE_AT : DSL.val(retryAt))
                .set(o.LAST_ERROR, truncate(error, 1000))
                .set(o.ADDRESS, truncate(address, 500))
                .set(o.CLAIM_TOKEN, (String) null)
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.ID.in(ids))
                .and(o.CLAIM_TOKEN.eq(token))
                .execute();
    }

    /** An administrator sends a failed or uncertain delivery again: a fresh set of attempts. */
    public boolean requeue(long id, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                        .set(o.STATUS, DeliveryStatus.PENDING.name())
                        .set(o.ATTEMPTS, 0)
                        .set(o.DUE_AT, now)
                        .set(o.VERSION, o.VERSION.plus(1))
                        .where(o.ID.eq(id))
                        .and(o.STATUS.in(DeliveryStatus.FAILED.name(), DeliveryStatus.UNCERTAIN.name()))
                        .execute()
                == 1;
    }

    public List<Delivery> deliveries(DeliveryStatus status, int offset, int limit) {
        var o = ALERT_OUTBOX;
        List<SelectField<?>> fields = new ArrayList<>(alertFields());
        fields.addAll(List.of(
                o.ID,
                o.CHANNEL,
                APP_USER.DISPLAY_NAME,
                o.ADDRESS,
                o.DIGEST,
                o.STATUS,
                o.ATTEMPTS,
                o.DUE_AT,
                o.SENT_AT,
                o.LAST_ERROR));
        List<Delivery> rows = dsl.select(fields)
                .from(o)
                .join(ALERT)
                .on(ALERT.ID.eq(o.ALERT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(o.RECIPIENT_ID))
                .where(deliveryFilter(status))
                .orderBy(o.ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Delivery(
                        r.get(o.ID),
                        toAlert(r),
                        Channel.valueOf(r.get(o.CHANNEL)),
                        r.get(o.CHANNEL).equals(Channel.WEBHOOK.name())
                                ? WEBHOOK_RECIPIENT_NAME
                                : r.get(APP_USER.DISPLAY_NAME),
                        r.get(o.ADDRESS),
                        r.get(o.DIGEST),
                        DeliveryStatus.valueOf(r.get(o.STATUS)),
                        r.get(o.ATTEMPTS),
                        r.get(o.DUE_AT),
                        r.get(o.SENT_AT),
                        r.get(o.LAST_ERROR)));
        Map<Long, List<AlertContract>> contracts =
                contractsOf(rows.stream().map(d -> d.alert().id()).toList(), null);
        return rows.stream()
                .map(d -> d.withAlert(
                        d.alert().withContracts(contracts.getOrDefault(d.alert().id(), List.of()))))
                .toList();
    }

    public int countDeliveries(DeliveryStatus status) {
        return dsl.fetchCount(ALERT_OUTBOX, deliveryFilter(status));
    }

    private static Condition deliveryFilter(DeliveryStatus status) {
        return status == null ? DSL.noCondition() : ALERT_OUTBOX.STATUS.eq(status.name());
    }

    // --- the notification centre -------------------------------------------------------------------

    public List<Notification> notifications(long userId, boolean unreadOnly, int offset, int limit) {
        var n = ALERT_NOTIFICATION;
        List<SelectField<?>> fields = new ArrayList<>(alertFields());
        fields.add(n.READ_AT);
        List<Notification> rows = dsl.select(fields)
                .from(n)
                .join(ALERT)
                .on(ALERT.ID.eq(n.ALERT_ID))
                .where(notificationFilter(userId, unreadOnly))
                .orderBy(n.ALERT_ID.desc())
                .offset(offset)
                .limit(limit)
                .fetch(r -> new Notification(toAlert(r), r.get(n.READ_AT)));
        Map<Long, List<AlertContract>> contracts =
                contractsOf(rows.stream().map(row -> row.alert().id()).toList(), userId);
        return rows.stream()
                .map(row -> new Notification(
                        row.alert()
                                .withContracts(
                                        contracts.getOrDefault(row.alert().id(), List.of())),
                        row.readAt()))
                .toList();
    }

    public int countNotifications(long userId, boolean unreadOnly) {
        return dsl.fetchCount(ALERT_NOTIFICATION, notificationFilter(userId, unreadOnly));
    }

    private static Condition notificationFilter(long userId, boolean unreadOnly) {
        Condition mine = ALERT_NOTIFICATION.USER_ID.eq(userId);
        return unreadOnly ? mine.and(ALERT_NOTIFICATION.READ_AT.isNull()) : mine;
    }

    public int markRead(long userId, Long alertId, LocalDateTime now) {
        var n = ALERT_NOTIFICATION;
        return dsl.update(n)
                .set(n.READ_AT, now)
                .where(n.USER_ID.eq(userId))
                .and(alertId == null ? DSL.noCondition() : n.ALERT_ID.eq(alertId))
                .and(n.READ_AT.isNull())
                .execute();
    }

    // --- preferences and the webhook ---------------------------------------------------------------

    public Optional<AlertPreferences> preferences(long userId) {
        var p = ALERT_PREFERENCE;
        return dsl.select(p.EMAIL_ENABLED, p.DAILY_DIGEST, p.LANGUAGE, p.VERSION)
                .from(p)
                .where(p.USER_ID.eq(userId))
                .fetchOptional(r -> new AlertPreferences(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public Optional<String> accountLocale(long userId) {
        return dsl.select(APP_USER.LOCALE)
                .from(APP_USER)
                .where(APP_USER.ID.eq(userId))
                .fetchOptional(APP_USER.LOCALE);
    }

    /** Saves if nobody saved since {@code version} (-1: never saved); false otherwise. */
    public boolean savePreferences(long userId, AlertPreferences prefs, LocalDateTime now) {
        var p = ALERT_PREFERENCE;
        if (prefs.version() < 0) {
            return dsl.insertInto(p, p.USER_ID, p.EMAIL_ENABLED, p.DAILY_DIGEST, p.LANGUAGE, p.UPDATED_AT)
                            .values(userId, prefs.emailEnabled(), prefs.dailyDigest(), prefs.language(), now)
                            .onDuplicateKeyIgnore()
                            .execute()
                    == 1;
        }
        return dsl.update(p)
                        .set(p.EMAIL_ENABLED, prefs.emailEnabled())
                        .set(p.DAILY_DIGEST, prefs.dailyDigest())
                        .set(p.LANGUAGE, prefs.language())
                        .set(p.UPDATED_AT, now)
                        .set(p.VERSION, p.VERSION.plus(1))
                        .where(p.USER_ID.eq(userId))
                        .and(p.VERSION.eq(prefs.version()))
                        .execute()
                == 1;
    }

    public WebhookSettings webhook() {
        var w = ALERT_WEBHOOK;
        return dsl.select(w.URL, w.ENABLED, w.LANGUAGE, w.VERSION)
                .from(w)
                .where(w.ID.eq(1))
                .fetchSingle(r -> new WebhookSettings(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    public boolean saveWebhook(WebhookSettings settings, String by, LocalDateTime now) {
        var w = ALERT_WEBHOOK;
        return dsl.update(w)
                        .set(w.URL, settings.url())
                        .set(w.ENABLED, settings.enabled())
                        .set(w.LANGUAGE, settings.language())
                        .set(w.UPDATED_BY, by)
                        .set(w.UPDATED_AT, now)
                        .set(w.VERSION, w.VERSION.plus(1))
                        .where(w.ID.eq(1))
                        .and(w.VERSION.eq(settings.version()))
                        .execute()
                == 1;
    }

    // --- mapping -----------------------------------------------------------------------------------

    private static List<SelectField<?>> alertFields() {
        var a = ALERT;
        return List.of(
                a.ID,
                a.KIND,
                a.CREATED_AT,
                a.CONTRACT_ID,
                a.CONTRACT_NUMBER,
                a.CONTRACT_TITLE,
                a.SUPPLIER_ID,
                a.SUPPLIER_NAME,
                a.CORPORATE_NUMBER,
                a.STATUS,
                a.PREVIOUS_STATUS,
                a.WARNING_DAYS,
                a.REQUIRED_LEVEL,
                a.HELD_LEVEL,
                a.VALID_UNTIL,
                a.REASON_CODE,
                a.IMPORT_RUN_ID,
                a.DETAILS_JSON);
    }

    private Alert toAlert(Record r) {
        var a = ALERT;
        LocalDate validUntil = r.get(a.VALID_UNTIL);
        return new Alert(
                r.get(a.ID),
                AlertKind.valueOf(r.get(a.KIND)),
                r.get(a.CREATED_AT),
                r.get(a.CONTRACT_ID),
                r.get(a.CONTRACT_NUMBER),
                r.get(a.CONTRACT_TITLE),
                r.get(a.SUPPLIER_ID),
                r.get(a.SUPPLIER_NAME),
                r.get(a.CORPORATE_NUMBER),
                r.get(a.STATUS),
                r.get(a.PREVIOUS_STATUS),
                r.get(a.WARNING_DAYS),
                r.get(a.REQUIRED_LEVEL),
                r.get(a.HELD_LEVEL),
                validUntil,
                r.get(a.REASON_CODE),
                r.get(a.IMPORT_RUN_ID),
                read(r.get(a.DETAILS_JSON)),
                List.of());
    }

    private String write(Map<String, String> details) {
        try {
            return truncate(json.writeValueAsString(details), 2000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String value) {
        if (value == null) {
            return Map.of();
        }
        try {
            return json.readValue(value, DETAILS);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> result = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_BATCH) {
            result.add(all.subList(from, Math.min(all.size(), from + IN_BATCH)));
        }
        return result;
    }

    /** For tests and the admin screen: how many rows the outbox holds per status. */
    public Map<DeliveryStatus, Integer> outboxCounts() {
        Map<DeliveryStatus, Integer> result = new HashMap<>();
        dsl.select(ALERT_OUTBOX.STATUS, DSL.count())
                .from(ALERT_OUTBOX)
                .groupBy(ALERT_OUTBOX.STATUS)
                .forEach(r -> result.put(DeliveryStatus.valueOf(r.value1()), r.value2()));
        return result;
    }
}
