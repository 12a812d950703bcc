package jp.hoshimi.archfixtures.viewuses.a.ui;

public class AView {
    jp.hoshimi.archfixtures.viewuses.b.B b;
}
