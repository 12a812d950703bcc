package jp.hoshimi.shared.read;

import java.util.List;

/** Receives the rows of the sheet being read, in file order, header row included. */
@FunctionalInterface
public interface RowHandler {

    /**
     * One non-blank row.
     *
     * @param rowNumber 1-based, as the user sees it: the Excel row number, or the record number in a CSV
     *     file (a record with a quoted line break still counts once; blank records count but are not passed)
     * @param cells index = column (0 = A); trailing empty cells are omitted, missing cells in between are
     *     {@link CellValue.Empty}; never empty itself; unmodifiable
     */
    void row(int rowNumber, List<CellValue> cells);
}
