package jp.hoshimi.outreach;

/**
 * A supplier's primary contact as a supplier import writes it: a new one ({@code contactId} null) or the
 * stored one at {@code version}, changed from {@code before} to {@code after}.
 */
public record ImportedContact(
        long supplierId, Long contactId, Integer version, ContactForm before, ContactForm after) {}
