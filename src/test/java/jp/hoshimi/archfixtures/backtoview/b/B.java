package jp.hoshimi.archfixtures.backtoview.b;

public class B {
    jp.hoshimi.archfixtures.backtoview.a.ui.AView view;
}
