package jp.hoshimi.shared.api;

/** A request that conflicts with stored data (409), with a stable code and a message key. */
public class ApiConflictException extends RuntimeException {

    private final String code;
    private final String messageKey;
    private final Object[] arguments;

    public ApiConflictException(String code, String messageKey, Object... arguments) {
        super(code);
        this.code = code;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
