package jp.hoshimi.archfixtures.backtoendpoint.a;

public class A {
    jp.hoshimi.archfixtures.backtoendpoint.b.api.BApi api;
}
