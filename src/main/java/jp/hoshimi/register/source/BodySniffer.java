package jp.hoshimi.register.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.hoshimi.register.source.RegisterSourceException.Reason;

/**
 * Looks at the first bytes of a body to reject what is obviously not a feed (an HTML page, XML, JSON
 * where CSV is expected and the other way round) before anyone parses it.
 */
final class BodySniffer {

    private static final int HEAD_BYTES = 2048;
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>\\s*([^<]{1,120})", Pattern.CASE_INSENSITIVE);

    /**
     * The first non-blank character (after a byte-order mark), or -1 for a blank body, and the head as text;
     * {@code zip} when the body starts as a zip archive does (an .xlsx workbook).
     */
    record Start(int first, String head, boolean zip) {
        Start(int first, String head) {
            this(first, head, false);
        }
    }

    private BodySniffer() {}

    static Start start(Path body) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(body)) {
            bytes = in.readNBytes(HEAD_BYTES);
        } catch (IOException e) {
            throw Spool.failed("cannot read back " + body, e);
        }
        String head = new String(bytes, StandardCharsets.UTF_8);
        if (head.startsWith("\uFEFF")) {
            head = head.substring(1);
        }
        String stripped = head.stripLeading();
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return new Start(stripped.isEmpty() ? -1 : stripped.charAt(0), stripped, zip);
    }

    /** The format a body of unknown type looks like. */
    static FeedFormat guess(Start start) {
        if (start.zip()) {
            return FeedFormat.XLSX;
        }
        return start.first() == '{' || start.first() == '[' ? FeedFormat.JSON : FeedFormat.CSV;
    }

    /**
     * The format by content where the content is sure of it: a workbook is a workbook whatever the name or the
     * setting says (an "Excel download" link); otherwise the declared format, else a guess.
     */
    static FeedFormat formatOf(Start start, FeedFormat declared) {
        if (start.zip()) {
            return FeedFormat.XLSX;
        }
        return declared != null && declared != FeedFormat.XLSX ? declared : guess(start);
    }

    /**
     * Throws unless the body could be a feed in {@code format}.
     *
     * @param fromHttp an HTML page from a server is a maintenance page; in a file it is just the wrong file
     */
    static void check(Start start, FeedFormat format, boolean fromHttp) {
        if (format == FeedFormat.XLSX && start.zip()) {
            return; // the workbook reader checks the rest
        }
        if (start.first() == -1) {
            throw new RegisterSourceException(Reason.EMPTY, "the body is empty");
        }
        if (start.first() == '<') {
            String lower = start.head().toLowerCase(Locale.ROOT);
            if (lower.startsWith("<!doctype html") || lower.contains("<html")) {
                String page = "an HTML page" + titleOf(start.head());
                throw fromHttp
                        ? new RegisterSourceException(
                                Reason.MAINTENANCE_PAGE, "the server sent " + page + " instead of the feed")
                        : new RegisterSourceException(Reason.MALFORMED, "the file is " + page + ", not a feed");
            }
            throw new RegisterSourceException(
                    Reason.MALFORMED, "expected " + format + " but the body starts with '<' (XML?)");
        }
        boolean looksJson = start.first() == '{' || start.first() == '[';
        if (format == FeedFormat.JSON && !looksJson) {
            throw new RegisterSourceException(
                    Reason.MALFORMED,
                    "expected JSON but the body starts with '" + Character.toString(start.first()) + "'");
        }
        if (format == FeedFormat.CSV && looksJson) {
            throw new RegisterSourceException(Reason.MALFORMED, "expected CSV but the body looks like JSON");
        }
    }

    private static String titleOf(String head) {
        Matcher title = TITLE.matcher(head);
        return title.find() ? " titled '" + title.group(1).strip() + "'" : "";
    }
}
