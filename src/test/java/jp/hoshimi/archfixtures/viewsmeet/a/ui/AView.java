package jp.hoshimi.archfixtures.viewsmeet.a.ui;

public class AView {
    jp.hoshimi.archfixtures.viewsmeet.b.ui.BView b;
}
