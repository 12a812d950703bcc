package jp.hoshimi.legalentity.source;

import static jp.hoshimi.legalentity.source.NtaFileRejectedException.Reason;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import jp.hoshimi.shared.CorporateNumber;
import org.apache.commons.csv.CSVRecord;

/** One CSV record → {@link NtaRow}, checking each column; the first problem rejects the file. */
final class NtaRowParser {

    /** The column names of DOMAIN.md §2, for the rejection sentences. */
    static final String[] NAMES = {
        "sequenceNumber",
        "corporateNumber",
        "process",
        "correct",
        "updateDate",
        "changeDate",
        "name",
        "nameImageId",
        "kind",
        "prefectureName",
        "cityName",
        "streetNumber",
        "addressImageId",
        "prefectureCode",
        "cityCode",
        "postCode",
        "addressOutside",
        "addressOutsideImageId",
        "closeDate",
        "closeCause",
        "successorCorporateNumber",
        "changeCause",
        "assignmentDate",
        "latest",
        "enName",
        "enPrefectureName",
        "enCityName",
        "enAddressOutside",
        "furigana",
        "hihyoji"
    };

    private final CSVRecord record;
    private final long row;

    private NtaRowParser(CSVRecord record, long row) {
        this.record = record;
        this.row = row;
    }

    static NtaRow parse(CSVRecord record, long row) {
        if (record.size() != NtaRow.COLUMNS) {
            throw new NtaFileRejectedException(Reason.COLUMNS, row, record.size());
        }
        return new NtaRowParser(record, row).toRow();
    }

    private NtaRow toRow() {
        String number = text(1);
        if (number == null || !number.matches("[0-9]{13}") || !CorporateNumber.isValid(number)) {
            throw new NtaFileRejectedException(Reason.CORPORATE_NUMBER, row, String.valueOf(number));
        }
        String process = text(2);
        if (process == null || !NtaCodes.PROCESSES.contains(process)) {
            throw new NtaFileRejectedException(Reason.PROCESS, row, String.valueOf(process));
        }
        return new NtaRow(
                sequence(),
                number,
                process,
                flag(3),
                requiredDate(4),
                requiredDate(5),
                required(6),
                text(7),
                code(8, NtaCodes.KINDS, true),
                text(9),
                text(10),
                text(11),
                text(12),
                digits(13, 2),
                digits(14, 3),
                digits(15, 7),
                text(16),
                text(17),
                date(18),
                code(19, NtaCodes.CLOSE_CAUSES, false),
                successor(),
                text(21),
                date(22),
                flag(23),
                text(24),
                text(25),
                text(26),
                text(27),
                text(28),
                flag(29));
    }

    private long sequence() {
        String value = required(0);
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9') || value.length() > 18) {
            throw bad(0, value);
        }
        return Long.parseLong(value);
    }

    private String successor() {
        String value = text(20);
        if (value != null && (!value.matches("[0-9]{13}") || !CorporateNumber.isValid(value))) {
            throw bad(20, value);
        }
        return value;
    }

    private String text(int column) {
        String value = record.get(column);
        return value == null || value.isEmpty() ? null : value;
    }

    private String required(int column) {
        String value = text(column);
        if (value == null) {
            throw bad(column, "");
        }
        return value;
    }

    private boolean flag(int column) {
        String value = text(column);
        if ("1".equals(value)) {
            return true;
        }
        if (value == null || "0".equals(value)) {
            return false;
        }
        throw bad(column, value);
    }

    private String code(int column, Set<String> known, boolean required) {
        String value = required ? required(column) : text(column);
        if (value != null && !known.contains(value)) {
            throw bad(column, value);
        }
        return value;
    }

    private String digits(int column, int length) {
        String value = text(column);
        if (value != null && (value.length() != length || !value.chars().allMatch(c -> c >= '0' && c <= '9'))) {
            throw bad(column, value);
        }
        return value;
    }

    private LocalDate requiredDate(int column) {
        LocalDate date = date(column);
        if (date == null) {
            throw bad(column, "");
        }
        return date;
    }

    private LocalDate date(int column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw bad(column, value);
        }
    }

    private NtaFileRejectedException bad(int column, String value) {
        return new NtaFileRejectedException(Reason.FIELD, row, NAMES[column], value);
    }
}
