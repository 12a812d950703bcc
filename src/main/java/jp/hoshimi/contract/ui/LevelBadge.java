package jp.hoshimi.contract.ui;

import com.vaadin.flow.component.html.Span;
import jp.hoshimi.shared.RequiredLevel;

/** A required level as a small badge: stars plus words, never colour alone. */
class LevelBadge extends Span {

    LevelBadge(RequiredLevel level) {
        setText(getTranslation(level.messageKey()));
        getElement()
                .getThemeList()
                .add(level == RequiredLevel.STAR4 || level == RequiredLevel.STAR5 ? "badge" : "badge contrast");
        addClassName("level-badge");
    }
}
