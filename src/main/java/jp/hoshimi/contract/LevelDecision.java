package jp.hoshimi.contract;

import java.time.LocalDateTime;
import jp.hoshimi.shared.RequiredLevel;

/**
 * A request to require {@code requestedLevel} of a contract although its decision chart suggests the
 * higher {@code suggestedLevel} (issue 20, decision 0039). The contract keeps the suggested level until a
 * risk manager other than the requester approves. {@code version} guards a decision.
 */
public record LevelDecision(
        long id,
        long contractId,
        String contractNumber,
        String contractTitle,
        RequiredLevel suggestedLevel,
        RequiredLevel requestedLevel,
        String reason,
        LevelDecisionState state,
        String requestedBy,
        LocalDateTime requestedAt,
        String decidedBy,
        LocalDateTime decidedAt,
        String decisionNote,
        int version) {

    /** This request as it stands after {@code actor} decided it (the audit trail's "after"). */
    public LevelDecision decided(LevelDecisionState decision, String actor, LocalDateTime at, String note) {
        return new LevelDecision(
                id,
                contractId,
                contractNumber,
                contractTitle,
                suggestedLevel,
                requestedLevel,
                reason,
                decision,
                requestedBy,
                requestedAt,
                actor,
                at,
                note,
                version + 1);
    }
}
