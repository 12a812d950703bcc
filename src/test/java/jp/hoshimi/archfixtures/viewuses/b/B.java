package jp.hoshimi.archfixtures.viewuses.b;

public class B {
    jp.hoshimi.archfixtures.viewuses.a.A a;
}
