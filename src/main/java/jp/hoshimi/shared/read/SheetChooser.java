package jp.hoshimi.shared.read;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Picks the sheet to read among the workbook's sheets (hidden ones included, flagged). */
@FunctionalInterface
public interface SheetChooser {

    /** @return the sheet to read, or empty to reject the file with {@code SHEET_NOT_FOUND} */
    Optional<SheetInfo> choose(List<SheetInfo> sheets);

    /** The documented default: the first visible sheet; hidden and very hidden sheets are never read. */
    static SheetChooser firstVisible() {
        return sheets -> sheets.stream().filter(sheet -> !sheet.hidden()).findFirst();
    }

    /**
     * The first visible sheet whose name equals one of {@code names}, compared after NFKC normalisation,
     * trimming and ignoring case (so "ｼｲﾚｻｷ" matches "シイレサキ", "Suppliers " matches "SUPPLIERS");
     * else {@link #firstVisible()}.
     */
    static SheetChooser byName(Collection<String> names) {
        Set<String> wanted = names.stream().map(SheetChooser::normalizedName).collect(Collectors.toUnmodifiableSet());
        return sheets -> sheets.stream()
                .filter(sheet -> !sheet.hidden() && wanted.contains(normalizedName(sheet.name())))
                .findFirst()
                .or(() -> firstVisible().choose(sheets));
    }

    private static String normalizedName(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }
}
