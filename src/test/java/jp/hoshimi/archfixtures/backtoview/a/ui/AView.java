package jp.hoshimi.archfixtures.backtoview.a.ui;

public class AView {
    jp.hoshimi.archfixtures.backtoview.b.B b;
}
