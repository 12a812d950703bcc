package jp.hoshimi.shared.read;

import java.util.List;
import java.util.Optional;
import jp.hoshimi.shared.read.ImportRejectedException.Reason;

/** Sheet choice and the list of sheets not read, the same for .xlsx and .xls. */
final class Sheets {

    private Sheets() {}

    static SheetInfo choose(SheetChooser chooser, List<SheetInfo> sheets) {
        Optional<SheetInfo> chosen;
        try {
            chosen = chooser.choose(List.copyOf(sheets));
        } catch (RuntimeException | Error e) {
            throw new RowSink.CallerFailure(e);
        }
        if (chosen.isEmpty() || chosen.get().index() < 0 || chosen.get().index() >= sheets.size()) {
            throw new ImportRejectedException(
                    Reason.SHEET_NOT_FOUND,
                    List.copyOf(sheets.stream().map(SheetInfo::name).toList()));
        }
        return sheets.get(chosen.get().index());
    }

    static List<String> skipped(List<SheetInfo> sheets, SheetInfo chosen) {
        return sheets.stream()
                .filter(sheet -> sheet.index() != chosen.index())
                .map(sheet -> sheet.hidden() ? sheet.name() + ReadResult.HIDDEN_MARK : sheet.name())
                .toList();
    }
}
