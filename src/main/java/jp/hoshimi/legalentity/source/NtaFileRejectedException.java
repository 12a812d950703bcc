package jp.hoshimi.legalentity.source;

/**
 * An NTA file that cannot be loaded, with the reason in plain words ({@link #reason()} has a sentence in
 * both languages, key {@code legalEntity.reject.<reason>}, arguments {@link #args()}). Nothing of such a
 * file is ever applied.
 */
public class NtaFileRejectedException extends RuntimeException {

    public enum Reason {
        EMPTY,
        NOT_A_ZIP,
        TRUNCATED,
        ZIP_ENTRIES,
        ZIP_BOMB,
        TOO_LARGE,
        WRONG_ENCODING,
        COLUMNS,
        BAD_CSV,
        CORPORATE_NUMBER,
        PROCESS,
        FIELD,
        SEQUENCE,
        /** A first full file loaded straight into the register names a corporation twice. Args: the number. */
        DUPLICATE_NUMBER,
        UNREADABLE;

        public String messageKey() {
            return "legalEntity.reject." + name();
        }
    }

    private final Reason reason;
    private final transient Object[] args;

    public NtaFileRejectedException(Reason reason, Object... args) {
        super(reason + " " + java.util.Arrays.toString(args));
        this.reason = reason;
        this.args = args;
    }

    public Reason reason() {
        return reason;
    }

    public Object[] args() {
        return args.clone();
    }
}
