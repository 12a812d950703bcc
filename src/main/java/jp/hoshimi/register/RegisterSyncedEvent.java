package jp.hoshimi.register;

import jp.hoshimi.register.source.RegisterKind;

/**
 * Published after a sync left the register current (committed): everything that depends on the
 * register re-evaluates on it. {@code changed} is false for a 304 or an identical feed.
 */
public record RegisterSyncedEvent(long syncRunId, RegisterKind kind, boolean changed) {}
