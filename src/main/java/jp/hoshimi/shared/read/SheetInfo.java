package jp.hoshimi.shared.read;

/**
 * A sheet of a workbook.
 *
 * @param index 0-based position among the workbook's sheets (tab order)
 * @param name the sheet's name as stored
 * @param hidden true for hidden and for very hidden sheets
 */
public record SheetInfo(int index, String name, boolean hidden) {}
