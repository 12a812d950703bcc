package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import jp.hoshimi.contract.ContractListItem;

/**
 * Issue 20: the contract list's "covered until" cell — the date, 「期限なし」 when nothing expires,
 * 「未充足」 when a link fails today, — before the first evaluation; with a warning icon and words (never
 * colour alone) when that is before the contract's end.
 */
final class CoverageCell {

    private CoverageCell() {}

    static Component of(Component in, ContractListItem item) {
        Span cell = new Span(text(in, in.getUI().map(ui -> ui.getLocale()).orElse(Locale.JAPANESE), item));
        cell.addClassName("coverage-cell");
        if (item.coverageEndsBeforeContract()) {
            cell.addClassName("coverage-short");
            cell.addComponentAsFirst(VaadinIcon.WARNING.create());
            cell.getElement().setAttribute("title", in.getTranslation("coverage.list.endsBefore"));
        }
        return cell;
    }

    static String text(Component in, Locale locale, ContractListItem item) {
        if (item.status() == null) {
            return "—";
        }
        if (item.notCovered()) {
            return in.getTranslation(locale, "coverage.kind.NOT_COVERED");
        }
        return item.coveredUntil() == null
                ? in.getTranslation(locale, "coverage.kind.NO_EXPIRY")
                : item.coveredUntil().toString();
    }
}
