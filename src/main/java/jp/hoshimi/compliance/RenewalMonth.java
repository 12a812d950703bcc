package jp.hoshimi.compliance;

import java.time.YearMonth;

/**
 * One month of the renewal outlook: how many registrations that a chain relies on end in it (each
 * supplier once) and how many contracts in the user's scope depend on them (they run past that end).
 */
public record RenewalMonth(YearMonth month, long registrations, long contracts) {}
