package jp.hoshimi.shared.api;

/**
 * A query parameter, header or body field the API cannot use (400 BAD_REQUEST): names it and says what was
 * expected, in the request's language. Throw it from any controller, e.g. {@code new
 * ApiBadRequestException("limit", "api.param.range", limit, 1, 500)}, or use the helpers in {@link
 * ApiParameters}. The message key gets the parameter's name as its first argument.
 */
public class ApiBadRequestException extends RuntimeException {

    private final String parameter;
    private final String messageKey;
    private final Object[] arguments;

    public ApiBadRequestException(String parameter, String messageKey, Object... arguments) {
        super(parameter + ": " + messageKey);
        this.parameter = parameter;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String parameter() {
        return parameter;
    }

    public String messageKey() {
        return messageKey;
    }

    /** The message arguments: the parameter's name first, then the key's own. */
    public Object[] arguments() {
        Object[] all = new Object[arguments.length + 1];
        all[0] = parameter;
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return all;
    }
}
