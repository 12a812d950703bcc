package jp.hoshimi.alert.internal;

import static jp.hoshimi.db.Tables.ALERT;
import static jp.hoshimi.db.Tables.ALERT_LETTER;
import static jp.hoshimi.db.Tables.ALERT_OUTBOX;
import static jp.hoshimi.db.Tables.ALERT_WEBHOOK;
import static jp.hoshimi.db.Tables.APP_USER;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.hoshimi.alert.Alert;
import jp.hoshimi.alert.AlertContract;
import jp.hoshimi.alert.Channel;
import jp.hoshimi.alert.Delivery;
import jp.hoshimi.alert.DeliveryStatus;
import jp.hoshimi.shared.sql.InBatches;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The outbox: one row per e-mail and webhook post to send, claimed by a dispatcher under a token, then
 * sent, retried or given up (docs/decisions/0011-alert-outbox.md).
 */
@Repository
public class OutboxRepository {

    private static final String WEBHOOK_RECIPIENT_NAME = "webhook";

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

    private final DSLContext dsl;
    private final AlertContracts contracts;

    OutboxRepository(DSLContext dsl, AlertContracts contracts) {
        this.dsl = dsl;
        this.contracts = contracts;
    }

    // --- filling it --------------------------------------------------------------------------------

    public void insertDeliveries(List<NewDelivery> deliveries, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        for (List<NewDelivery> chunk : InBatches.of(deliveries)) {
            var insert = dsl.insertInto(
                    o, o.ALERT_ID, o.CHANNEL, o.RECIPIENT_ID, o.LANGUAGE, o.DIGEST, o.STATUS, o.DUE_AT, o.CREATED_AT);
            for (NewDelivery d : chunk) {
                insert = insert.values(
                        d.alertId(),
                        d.channel(),
                        d.recipientId(),
                        d.language(),
                        d.digest(),
                        DeliveryStatus.PENDING,
                        d.dueAt(),
                        now);
            }
            insert.onDuplicateKeyIgnore().execute();
        }
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
                .values(alertId, Channel.EMAIL, 0L, to, language, false, DeliveryStatus.PENDING, now, now)
                .onDuplicateKeyIgnore()
                .execute();
    }

    // --- the dispatcher ----------------------------------------------------------------------------

    /** Claims whose sender did not finish in time (its node stopped): they may have gone out. */
    public int markAbandoned(LocalDateTime now) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                .set(o.STATUS, DeliveryStatus.UNCERTAIN)
                .set(o.LAST_ERROR, "alert.delivery.abandoned")
                .set(o.CLAIM_TOKEN, (String) null)
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.STATUS.eq(DeliveryStatus.SENDING))
                .and(o.CLAIMED_UNTIL.lt(now))
                .execute();
    }

    /** Atomically marks up to {@code limit} due rows as being sent under {@code token}, counting the attempt. */
    public int claim(String token, LocalDateTime now, LocalDateTime until, int limit) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                .set(o.STATUS, DeliveryStatus.SENDING)
                .set(o.CLAIM_TOKEN, token)
                .set(o.CLAIMED_UNTIL, until)
                .set(o.ATTEMPTS, o.ATTEMPTS.plus(1))
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.STATUS.eq(DeliveryStatus.PENDING))
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
                .and(o.STATUS.eq(DeliveryStatus.SENDING))
                .execute();
    }

    public List<OutboxItem> claimed(String token) {
        var o = ALERT_OUTBOX;
        List<OutboxItem> items = dsl.select(AlertRows.columnsAnd(
                        o.ID,
                        o.CHANNEL,
                        o.RECIPIENT_ID,
                        o.LANGUAGE,
                        o.DIGEST,
                        o.ATTEMPTS,
                        o.MAIL_TO,
                        APP_USER.EMAIL,
                        ALERT_WEBHOOK.URL))
                .from(o)
                .join(ALERT)
                .on(ALERT.ID.eq(o.ALERT_ID))
                .leftJoin(APP_USER)
                .on(APP_USER.ID.eq(o.RECIPIENT_ID))
                .leftJoin(ALERT_WEBHOOK)
                .on(ALERT_WEBHOOK.ID.eq(Columns.WEBHOOK_ID).and(o.CHANNEL.eq(Channel.WEBHOOK)))
                .where(o.CLAIM_TOKEN.eq(token))
                .and(o.STATUS.eq(DeliveryStatus.SENDING))
                .orderBy(o.RECIPIENT_ID, ALERT.CREATED_AT, ALERT.ID)
                .fetch(r -> {
                    Channel channel = r.get(o.CHANNEL);
                    return new OutboxItem(
                            r.get(o.ID),
                            AlertRows.toAlert(r),
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

    /** Outbox items with the contracts their recipient may see (the webhook: all of them). */
    private List<OutboxItem> withContracts(List<OutboxItem> items) {
        Map<Long, Map<Long, List<AlertContract>>> byRecipient = new HashMap<>();
        List<OutboxItem> result = new ArrayList<>();
        for (OutboxItem item : items) {
            Long reader = item.channel() == Channel.WEBHOOK ? null : item.recipientId();
            Map<Long, List<AlertContract>> visible = byRecipient.computeIfAbsent(
                    reader == null ? 0L : reader,
                    key -> contracts.of(
                            items.stream()
                                    .filter(i -> i.channel() == item.channel() && i.recipientId() == item.recipientId())
                                    .map(i -> i.alert().id())
                                    .toList(),
                            reader));
            result.add(item.withAlert(
                    item.alert().withContracts(visible.getOrDefault(item.alert().id(), List.of()))));
        }
        return result;
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
                .set(o.STATUS, DeliveryStatus.SENT)
                .set(o.SENT_AT, now)
                .set(o.MESSAGE_ID, Columns.fit(messageId, 200))
                .set(o.ADDRESS, Columns.fit(address, 500))
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
                .set(o.STATUS, retryAt == null ? DeliveryStatus.FAILED : DeliveryStatus.PENDING)
                .set(o.DUE_AT, retryAt == null ? o.DUE_AT : DSL.val(retryAt))
                .set(o.LAST_ERROR, Columns.fit(error, 1000))
                .set(o.ADDRESS, Columns.fit(address, 500))
                .set(o.CLAIM_TOKEN, (String) null)
                .set(o.VERSION, o.VERSION.plus(1))
                .where(o.ID.in(ids))
                .and(o.CLAIM_TOKEN.eq(token))
                .execute();
    }

    // --- the administrators' delivery list ---------------------------------------------------------

    /** An administrator sends a failed or uncertain delivery again: a fresh set of attempts. */
    public boolean requeue(long id, LocalDateTime now) {
        var o = ALERT_OUTBOX;
        return dsl.update(o)
                        .set(o.STATUS, DeliveryStatus.PENDING)
                        .set(o.ATTEMPTS, 0)
                        .set(o.DUE_AT, now)
                        .set(o.VERSION, o.VERSION.plus(1))
                        .where(o.ID.eq(id))
                        .and(o.STATUS.in(DeliveryStatus.FAILED, DeliveryStatus.UNCERTAIN))
                        .execute()
                == 1;
    }

    public List<Delivery> deliveries(DeliveryStatus status, int offset, int limit) {
        var o = ALERT_OUTBOX;
        List<Delivery> rows = dsl.select(AlertRows.columnsAnd(
                        o.ID,
                        o.CHANNEL,
                        APP_USER.DISPLAY_NAME,
                        o.ADDRESS,
                        o.DIGEST,
                        o.STATUS,
                        o.ATTEMPTS,
                        o.DUE_AT,
                        o.SENT_AT,
                        o.LAST_ERROR))
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
                        AlertRows.toAlert(r),
                        r.get(o.CHANNEL),
                        r.get(o.CHANNEL) == Channel.WEBHOOK ? WEBHOOK_RECIPIENT_NAME : r.get(APP_USER.DISPLAY_NAME),
                        r.get(o.ADDRESS),
                        r.get(o.DIGEST),
                        r.get(o.STATUS),
                        r.get(o.ATTEMPTS),
                        r.get(o.DUE_AT),
                        r.get(o.SENT_AT),
                        r.get(o.LAST_ERROR)));
        Map<Long, List<AlertContract>> listed =
                contracts.of(rows.stream().map(d -> d.alert().id()).toList(), null);
        return rows.stream()
                .map(d -> d.withAlert(
                        d.alert().withContracts(listed.getOrDefault(d.alert().id(), List.of()))))
                .toList();
    }

    public int countDeliveries(DeliveryStatus status) {
        return dsl.fetchCount(ALERT_OUTBOX, deliveryFilter(status));
    }

    private static Condition deliveryFilter(DeliveryStatus status) {
        return status == null ? DSL.noCondition() : ALERT_OUTBOX.STATUS.eq(status);
    }

    /** For tests and the admin screen: how many rows the outbox holds per status. */
    public Map<DeliveryStatus, Integer> counts() {
        return dsl.select(ALERT_OUTBOX.STATUS, DSL.count())
                .from(ALERT_OUTBOX)
                .groupBy(ALERT_OUTBOX.STATUS)
                .collect(Records.intoMap());
    }
}
