package jp.hoshimi.archfixtures.ownview.a;

public class AConfig {
    jp.hoshimi.archfixtures.ownview.a.ui.AView view;
}
