package jp.hoshimi.alert;

/** One of the contracts a supplier event affects, as it was when the alert was made. */
public record AlertContract(long id, String number, String title, String requiredLevel) {

    /** The path in the app that shows it. */
    public String link() {
        return "contracts/" + id;
    }
}
