package jp.hoshimi.compliance;

import java.time.LocalDate;
import jp.hoshimi.shared.StarLevel;

/**
 * A supplier's own entry in the register as stored now (★, else its SECURITY ACTION declaration): the
 * level it holds, until when, the name it is registered under and the entry's status (ACTIVE, …).
 */
public record Registration(StarLevel heldLevel, LocalDate validUntil, String registeredName, String registerStatus) {}
