package jp.hoshimi.archfixtures.viewsmeet.b.ui;

public class BView {
    jp.hoshimi.archfixtures.viewsmeet.a.ui.AView a;
}
