package jp.hoshimi.legalentity;

import java.util.Comparator;
import java.util.List;

/**
 * Scores candidates as a person would rank them: the same normalised name (80) before the same reading (60)
 * before a name that contains it (40); the same prefecture as the supplier's address adds 15; a closed
 * company loses 30 (it is still shown, marked, so that a person recognises an old master record).
 */
final class CandidateScores {

    private CandidateScores() {}

    static List<LegalEntityCandidate> rank(List<LegalEntityCandidate> found) {
        return found.stream()
                .map(c -> new LegalEntityCandidate(c.entity(), score(c), c.match(), c.samePrefecture()))
                .sorted(Comparator.comparingInt(LegalEntityCandidate::score)
                        .reversed()
                        .thenComparing(c -> c.entity().corporateNumber()))
                .toList();
    }

    static int score(LegalEntityCandidate c) {
        int score = switch (c.match()) {
            case EXACT -> 80;
            case FURIGANA -> 60;
            case CONTAINED -> 40;
        };
        if (c.samePrefecture()) {
            score += 15;
        }
        if (c.entity().isClosed()) {
            score -= 30;
        }
        return Math.max(0, Math.min(100, score));
    }
}
