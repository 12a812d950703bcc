package jp.hoshimi.archfixtures.ownview.a.ui;

public class AView {
    jp.hoshimi.archfixtures.ownview.a.AConfig config;
}
