package jp.hoshimi.archfixtures.viewuses.a;

public class A {}
