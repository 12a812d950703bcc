package jp.hoshimi.legalentity.source;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** The two CSV editions the NTA publishes: Unicode (UTF-8) and Shift_JIS (read as Windows-31J, its superset). */
public enum NtaEdition {
    UNICODE(StandardCharsets.UTF_8),
    SHIFT_JIS(Charset.forName("windows-31j"));

    private final Charset charset;

    NtaEdition(Charset charset) {
        this.charset = charset;
    }

    public Charset charset() {
        return charset;
    }

    public String messageKey() {
        return "legalEntity.edition." + name();
    }
}
