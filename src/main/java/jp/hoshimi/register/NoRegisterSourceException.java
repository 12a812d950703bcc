package jp.hoshimi.register;

import jp.hoshimi.register.source.RegisterKind;

/** A sync was asked for a register kind that has no source configured (the API answers 409). */
public class NoRegisterSourceException extends RuntimeException {

    private final RegisterKind kind;

    public NoRegisterSourceException(RegisterKind kind) {
        super("no register source configured for " + kind);
        this.kind = kind;
    }

    public RegisterKind kind() {
        return kind;
    }
}
