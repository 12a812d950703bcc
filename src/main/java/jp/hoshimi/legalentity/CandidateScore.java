package jp.hoshimi.legalentity;

/**
 * How a candidate for a missing 法人番号 is scored, as a person would rank them: the same normalised name
 * (80) before the same reading (60) before a name that contains it (40); the same prefecture as the
 * supplier's address adds 15; a closed company loses 30 (it is still shown, marked, so that a person
 * recognises an old master record). The score is computed in SQL so that candidates page best first.
 */
public final class CandidateScore {

    public static final int EXACT = 80;
    public static final int FURIGANA = 60;
    public static final int CONTAINED = 40;
    public static final int SAME_PREFECTURE = 15;
    public static final int CLOSED = 30;

    private CandidateScore() {}
}
