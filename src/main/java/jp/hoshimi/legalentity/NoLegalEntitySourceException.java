package jp.hoshimi.legalentity;

/** "Sync now" was asked for while no NTA source is configured (the API answers 409). */
public class NoLegalEntitySourceException extends RuntimeException {

    public NoLegalEntitySourceException() {
        super("no NTA source configured");
    }
}
