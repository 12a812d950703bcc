package jp.hoshimi.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompanyNamesTest {

    @ParameterizedTest
    @CsvSource({
        "株式会社アシスト, アシスト",
        "アシスト株式会社, アシスト", // 後株
        "(株)アシスト, アシスト",
        "㈱アシスト, アシスト",
        "（株）アシスト, アシスト",
        "ｱｼｽﾄ, アシスト", // half-width kana
        "株式会社 アシスト, アシスト",
        "有限会社もりた金型, もりた金型",
        "株式会社テクノ・ブリッジ, テクノブリッジ",
        "'Pacific Components Co., Ltd.', pacificcomponents",
        "ＡＢＣ　Ｉｎｃ．, abc",
        "セキュア‐ネット, セキュアーネット",
        "セキュアｰネット, セキュアーネット"
    })
    void names_that_mean_the_same_company_normalise_alike(String name, String expected) {
        assertThat(CompanyNames.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"株式会社ミナト電装, みなとでんそう, ミナトデンソウ", "株式会社ミナト電装, ﾐﾅﾄﾃﾞﾝｿｳ, ミナトデンソウ", "株式会社ミナト電装, '', ミナト電装"})
    void the_sort_key_is_the_katakana_reading_when_known(String name, String kana, String expected) {
        assertThat(CompanyNames.sortKey(name, kana)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ｶﾌﾞｼｷｶﾞｲｼｬ ﾐﾅﾄ|カブシキガイシャ ミナト",
                "ﾄｳｶｲｸﾗｳﾄﾞｻｰﾋﾞｽ|トウカイクラウドサービス",
                "ﾊﾟﾝ･ﾊﾟｼﾌｨｯｸ｡|パン・パシフィック。",
                "㈱髙松精密工業（第①工場）|㈱髙松精密工業（第①工場）",
                "Ｂａｖａｒｉａ ﾍﾞﾙｸ GmbH|Ｂａｖａｒｉａ ベルク GmbH"
            })
    void half_width_kana_become_full_width_and_nothing_else_changes(String name, String expected) {
        assertThat(CompanyNames.widenHalfWidthKana(name)).isEqualTo(expected);
    }
}
