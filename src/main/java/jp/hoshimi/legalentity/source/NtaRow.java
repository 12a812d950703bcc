package jp.hoshimi.legalentity.source;

import java.time.LocalDate;

/**
 * One row of the NTA corporate-number data (国税庁法人番号公表サイト, CSV edition): the 30 columns of
 * DOMAIN.md §2 in file order, codes kept as the file writes them ("01", "301"), empty text as null.
 */
public record NtaRow(
        long sequenceNumber,
        String corporateNumber,
        String process,
        boolean correct,
        LocalDate updateDate,
        LocalDate changeDate,
        String name,
        String nameImageId,
        String kind,
        String prefectureName,
        String cityName,
        String streetNumber,
        String addressImageId,
        String prefectureCode,
        String cityCode,
        String postCode,
        String addressOutside,
        String addressOutsideImageId,
        LocalDate closeDate,
        String closeCause,
        String successorCorporateNumber,
        String changeCause,
        LocalDate assignmentDate,
        boolean latest,
        String enName,
        String enPrefectureName,
        String enCityName,
        String enAddressOutside,
        String furigana,
        boolean hidden) {

    /** The number of columns of every row. */
    public static final int COLUMNS = 30;

    /** The domestic address as one line: prefecture, city, street (what the NTA site shows). */
    public String address() {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {prefectureName, cityName, streetNumber}) {
            if (part != null) {
                text.append(part);
            }
        }
        return text.isEmpty() ? addressOutside : text.toString();
    }
}
