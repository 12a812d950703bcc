package jp.hoshimi.archfixtures.featurecycle.b;

public class B {
    jp.hoshimi.archfixtures.featurecycle.a.A a;
}
