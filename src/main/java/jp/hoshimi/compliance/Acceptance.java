package jp.hoshimi.compliance;

import java.time.LocalDate;

/** The exception (例外承認) that accepts a finding's gap, and the last day it does. */
public record Acceptance(long exceptionId, LocalDate until) {}
