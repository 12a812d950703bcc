package jp.hoshimi.legalentity.source;

import java.time.LocalDate;
import jp.hoshimi.register.source.Validators;

/**
 * How far the last applied fetch got: a file's or mirror's validators (ETag, Last-Modified; the same
 * content again is nothing new), and for the Web-API the last day fetched.
 *
 * @param fetchedThrough the last day whose differences are applied; null before the first Web-API fetch
 */
public record NtaCursor(Validators validators, LocalDate fetchedThrough) {

    public NtaCursor {
        validators = validators == null ? Validators.none() : validators;
    }

    public static NtaCursor none() {
        return new NtaCursor(Validators.none(), null);
    }
}
