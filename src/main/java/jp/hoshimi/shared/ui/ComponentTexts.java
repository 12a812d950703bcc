package jp.hoshimi.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBoxI18n;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.component.upload.UploadI18N;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Vaadin's own texts (upload, date picker, combo boxes, grid empty state, login form) in the user's
 * language: Vaadin ships them in English only. Every view gets these components from here, so a
 * Japanese user never meets "Upload Files..." or "January", and dates read yyyy/MM/dd.
 */
public final class ComponentTexts {

    /** How a date picker shows and reads dates: yyyy/MM/dd in Japanese, ISO in English. */
    public static final String JAPANESE_DATE_FORMAT = "yyyy/MM/dd";

    public static final String ENGLISH_DATE_FORMAT = "yyyy-MM-dd";

    private ComponentTexts() {}

    /** An upload with its buttons, drop hint, progress and errors in the user's language. */
    public static com.vaadin.flow.component.upload.Upload upload() {
        com.vaadin.flow.component.upload.Upload upload = new com.vaadin.flow.component.upload.Upload();
        upload.setI18n(uploadI18n());
        return upload;
    }

    /** A date picker with month and weekday names, buttons and format in the user's language. */
    public static DatePicker datePicker(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setLocale(japanese() ? Locale.JAPAN : Locale.UK);
        picker.setI18n(datePickerI18n());
        return picker;
    }

    /** A 24-hour time picker (HH:mm) with its error messages in the user's language. */
    public static TimePicker timePicker(String label) {
        TimePicker picker = new TimePicker(label);
        picker.setLocale(japanese() ? Locale.JAPAN : Locale.UK);
        picker.setI18n(new TimePicker.TimePickerI18n()
                .setBadInputErrorMessage(text("component.timePicker.badInput"))
                .setRequiredErrorMessage(text("validation.required")));
        return picker;
    }

    public static <T> ComboBox<T> comboBox(String label) {
        return localise(new ComboBox<>(label));
    }

    public static <T, C extends ComboBox<T>> C localise(C comboBox) {
        comboBox.setI18n(new ComboBox.ComboBoxI18n().setRequiredErrorMessage(text("validation.required")));
        return comboBox;
    }

    public static <T> MultiSelectComboBox<T> multiSelectComboBox(String label) {
        MultiSelectComboBox<T> comboBox = new MultiSelectComboBox<>(label);
        comboBox.setI18n(new MultiSelectComboBoxI18n()
                .setRequiredErrorMessage(text("validation.required"))
                .setCleared(text("component.multiSelect.cleared"))
                .setFocused(text("component.multiSelect.focused"))
                .setSelected(text("component.multiSelect.selected"))
                .setDeselected(text("component.multiSelect.deselected"))
                .setTotal(text("component.multiSelect.total")));
        return comboBox;
    }

    /** A grid that says "nothing here" in words rather than showing an empty box. */
    public static <T> Grid<T> emptyState(Grid<T> grid, String messageKey) {
        grid.setEmptyStateText(text(messageKey));
        return grid;
    }

    public static <T> Grid<T> emptyState(Grid<T> grid) {
        return emptyState(grid, "component.grid.empty");
    }

    /**
     * The login form's texts, every one of them (the header and additional information are the overlay's, set
     * so no English default is left). The password field's reveal button is not in LoginI18n: see
     * {@link #localiseRevealButton}.
     */
    public static LoginI18n login() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle(text("app.name"));
        header.setDescription(text("login.description"));
        i18n.setHeader(header);
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(text("login.form.title"));
        form.setUsername(text("login.username"));
        form.setPassword(text("login.password"));
        form.setSubmit(text("login.submit"));
        form.setForgotPassword(text("component.login.forgotPassword"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(text("login.error.title"));
        error.setMessage(text("login.error.message"));
        error.setUsername(text("component.login.usernameRequired"));
        error.setPassword(text("component.login.passwordRequired"));
        return i18n;
    }

    /**
     * The accessible label of the password field's reveal button ("Show password" by default): the web
     * component reads it from its own {@code i18n.reveal}, which the login form's Java API does not reach.
     */
    public static void localiseRevealButton(com.vaadin.flow.component.login.LoginForm form) {
        form.getElement()
                .executeJs(
                        "customElements.whenDefined('vaadin-password-field').then(() => {"
                                + " const field = this.querySelector('vaadin-password-field');"
                                + " if (field) { field.i18n = { ...field.i18n, reveal: $0 }; } })",
                        text("component.login.revealPassword"));
    }

    static DatePicker.DatePickerI18n datePickerI18n() {
        Locale locale = japanese() ? Locale.JAPAN : Locale.UK;
        String format = japanese() ? JAPANESE_DATE_FORMAT : ENGLISH_DATE_FORMAT;
        return new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values())
                        .map(m -> m.getDisplayName(TextStyle.FULL, locale))
                        .toList())
                .setWeekdays(weekdays(TextStyle.FULL, locale))
                .setWeekdaysShort(weekdays(TextStyle.SHORT, locale))
                .setFirstDayOfWeek(japanese() ? 0 : 1)
                // typing 2026-12-01 or 2026/12/01 (or 20261201) works in both languages
                .setDateFormats(format, "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd")
                .setToday(text("component.datePicker.today"))
                .setCancel(text("action.cancel"))
                .setBadInputErrorMessage(text("component.datePicker.badInput", format))
                .setRequiredErrorMessage(text("validation.required"))
                .setMinErrorMessage(text("component.datePicker.tooEarly"))
                .setMaxErrorMessage(text("component.datePicker.tooLate"));
    }

    /** Sunday first, as the date picker expects. */
    private static List<String> weekdays(TextStyle style, Locale locale) {
        return Stream.concat(
                        Stream.of(DayOfWeek.SUNDAY),
                        Arrays.stream(DayOfWeek.values()).limit(6))
                .map(day -> day.getDisplayName(style, locale))
                .toList();
    }

    static UploadI18N uploadI18n() {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(text("component.upload.dropFile"))
                .setMany(text("component.upload.dropFiles")));
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(text("component.upload.addFile"))
                .setMany(text("component.upload.addFiles")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(text("component.upload.tooManyFiles"))
                .setFileIsTooBig(text("component.upload.tooBig"))
                .setIncorrectFileType(text("component.upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(text("component.upload.connecting"))
                        .setStalled(text("component.upload.stalled"))
                        .setProcessing(text("component.upload.processing"))
                        .setHeld(text("component.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(text("component.upload.remaining"))
                        .setUnknown(text("component.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(text("component.upload.serverUnavailable"))
                        .setUnexpectedServerError(text("component.upload.serverError"))
                        .setForbidden(text("component.upload.forbidden"))));
        i18n.setFile(new UploadI18N.File()
                .setRetry(text("component.upload.retry"))
                .setStart(text("component.upload.start"))
                .setRemove(text("component.upload.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }

    private static boolean japanese() {
        return MessageBundle.JAPANESE.equals(
                MessageBundle.supported(UI.getCurrent().getLocale()));
    }

    private static String text(String key, Object... arguments) {
        return UI.getCurrent().getTranslation(key, arguments);
    }
}
