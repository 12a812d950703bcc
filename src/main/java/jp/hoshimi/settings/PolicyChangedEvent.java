package jp.hoshimi.settings;

/** Published inside the transaction that saved a new policy: every answer that depends on it may change. */
public record PolicyChangedEvent() {}
