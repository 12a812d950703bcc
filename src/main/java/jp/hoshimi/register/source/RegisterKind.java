package jp.hoshimi.register.source;

import java.util.Set;
import jp.hoshimi.shared.StarLevel;

/** Which register a feed publishes; decides which levels an entry may have. */
public enum RegisterKind {
    /** The scheme's register of ★3, ★4 and ★5 registrations. */
    STAR(Set.of(StarLevel.STAR3, StarLevel.STAR4, StarLevel.STAR5)),
    /** IPA's SECURITY ACTION self-declarations, ★1 (SA1) and ★2 (SA2). */
    SECURITY_ACTION(Set.of(StarLevel.SA1, StarLevel.SA2));

    private final Set<StarLevel> levels;

    RegisterKind(Set<StarLevel> levels) {
        this.levels = levels;
    }

    /** The levels an entry of this register may have. */
    public Set<StarLevel> levels() {
        return levels;
    }
}
