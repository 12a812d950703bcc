package jp.hoshimi.shared;

import java.util.Set;

/**
 * Where a feature queues a letter to an outside address or a notice to some of our users, written in the
 * caller's transaction so that it exists exactly when the caller's change does; each is keyed, and the same
 * key twice is queued and sent once (docs/decisions/0011). The alert feature keeps and delivers the outbox;
 * the features that write to it (requests, the legal-entity watch) know only this port, so that alerts may
 * listen to what they do without a cycle (decision 0043).
 */
public interface Outbox {

    /** What the letter or notice is about, for the notification centre and the delivery list. */
    record Subject(long supplierId, String supplierName, String corporateNumber, long requestId) {}

    /**
     * Queues a letter to {@code to}; {@code {link}} in the body is replaced by {@code secretLink} when it is
     * sent, and the link is then forgotten. False when a letter with this key was queued before. Needs the
     * caller's transaction.
     */
    boolean letter(
            String key, Subject about, String to, String language, String subject, String body, String secretLink);

    /** Tells {@code users} (in-app, and by mail as each has chosen) of a request's {@code event}; once per key. */
    void notice(String key, Subject about, String event, String dueDate, Set<Long> users);

    /**
     * A change of a watched supplier's company in the NTA data (issue 21): its official name, or its registered
     * address (domestic or abroad), as it was and as it is now, and the day it changed.
     */
    record EntityChange(Kind kind, String before, String after, String changeDate) {
        public enum Kind {
            RENAMED,
            MOVED
        }
    }

    /**
     * Tells a watched supplier's contract owners and the risk managers of a change of its company (information,
     * not a failure); once per key (one per applied change row).
     */
    void entityChanged(String key, Subject about, EntityChange change, Set<Long> owners);

    /** Starts the delivery soon (after the caller's commit is the caller's business). */
    void dispatchSoon();
}
