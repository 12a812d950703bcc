package jp.hoshimi.archfixtures.featurecycle.a;

public class A {
    jp.hoshimi.archfixtures.featurecycle.b.B b;
}
