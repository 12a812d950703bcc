package jp.hoshimi.shared;

/**
 * A level a supplier can hold, weakest first, so that {@code compareTo} is the scheme's order.
 *
 * <p>SA1/SA2 are IPA's SECURITY ACTION self-declarations (★1/★2): shown as stars, but weaker than ★3
 * and never enough where ★3 or above is required.
 */
public enum StarLevel implements Labelled {
    SA1(1, true),
    SA2(2, true),
    STAR3(3, false),
    STAR4(4, false),
    STAR5(5, false);

    private final int stars;
    private final boolean securityAction;

    StarLevel(int stars, boolean securityAction) {
        this.stars = stars;
        this.securityAction = securityAction;
    }

    public int stars() {
        return stars;
    }

    /** True for the SECURITY ACTION declarations (★1/★2), which have no audit and no expiry. */
    public boolean isSecurityAction() {
        return securityAction;
    }

    /** Whether holding this level meets a requirement of {@code required}. */
    public boolean satisfies(StarLevel required) {
        return compareTo(required) >= 0;
    }

    /** Short label such as "★3", the same in Japanese and English. */
    public String label() {
        return "★" + stars;
    }

    /** Message key of the level's name, e.g. {@code starLevel.STAR3}. */
    public String messageKey() {
        return "starLevel." + name();
    }
}
