package jp.hoshimi.shared;

import java.util.Optional;

/** The level a contract (or a chain link) requires: none, or a star level. */
public enum RequiredLevel implements Labelled {
    NONE(null),
    SA1(StarLevel.SA1),
    SA2(StarLevel.SA2),
    STAR3(StarLevel.STAR3),
    STAR4(StarLevel.STAR4),
    STAR5(StarLevel.STAR5);

    private final StarLevel level;

    RequiredLevel(StarLevel level) {
        this.level = level;
    }

    public Optional<StarLevel> starLevel() {
        return Optional.ofNullable(level);
    }

    public String messageKey() {
        return "requiredLevel." + name();
    }
}
