package jp.hoshimi.register.source;

import java.nio.file.Path;

/**
 * What a body other than a register feed must be, for {@link HttpFeedSource#download} and {@link
 * FileSource#download}: the same timeouts, retries, size cap, completeness and spooling as a feed, but the
 * caller says which content types and contents are plausible (an NTA zip or CSV, a Web-API page).
 */
public interface BodyCheck {

    /** The Accept header. */
    String accept();

    /**
     * @param mime the Content-Type's media type in lower case without parameters; "" when none was sent
     * @throws RegisterSourceException (typically WRONG_CONTENT_TYPE) when a body of this type cannot be it
     */
    void contentType(String mime);

    /** @throws RegisterSourceException when the complete body on disk is not plausibly what was asked for */
    void body(Path file);
}
