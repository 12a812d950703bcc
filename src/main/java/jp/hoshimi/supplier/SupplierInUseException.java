package jp.hoshimi.supplier;

/** A supplier that contracts or sub-contractor chains still refer to cannot be deleted. */
public class SupplierInUseException extends RuntimeException {

    private final int contracts;
    private final int links;

    SupplierInUseException(long id, int contracts, int links) {
        super("Supplier " + id + " is used by " + contracts + " contracts and " + links + " sub-contractor links");
        this.contracts = contracts;
        this.links = links;
    }

    public int contracts() {
        return contracts;
    }

    public int links() {
        return links;
    }
}
