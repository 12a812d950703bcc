package jp.hoshimi.shared;

/**
 * A value with a label in the message bundles (a star level, a status...). Passed as a message
 * argument, it is shown by its label in the reader's language, never by its enum name.
 */
public interface Labelled {

    /** The bundle key of the label, e.g. {@code requiredLevel.STAR4}. */
    String messageKey();
}
