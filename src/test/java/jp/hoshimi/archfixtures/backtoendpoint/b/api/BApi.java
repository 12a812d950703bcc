package jp.hoshimi.archfixtures.backtoendpoint.b.api;

public class BApi {
    jp.hoshimi.archfixtures.backtoendpoint.a.A a;
}
