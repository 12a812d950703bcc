package jp.hoshimi.contract.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.QueryParameters;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.contract.ContractListItem;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 in the contract screens, on the demo data as of 2026-12-01: the list's "covered until" column
 * and its filter from the URL, and the contract page's coverage tab with the timeline and its text.
 */
class ContractCoverageViewsTest extends KaribuTest {

    @Test
    void the_coverage_filter_from_the_url_keeps_contracts_whose_registrations_end_before_them() {
        signInAsUser("risk");
        UI.getCurrent().navigate("contracts", QueryParameters.fromString("coverageShort=true"));
        ContractListView view = _get(ContractListView.class);

        assertThat(view.coverageShort.getValue()).isTrue();
        int shown = _size(view.grid);
        assertThat(shown).isPositive();
        for (int i = 0; i < shown; i++) {
            ContractListItem item = _get(view.grid, i);
            assertThat(item.coverageEndsBeforeContract())
                    .as(item.contractNumber())
                    .isTrue();
        }
        assertThat(view.grid.getColumnByKey("coveredUntil")).isNotNull();

        view.coverageShort.setValue(false);
        assertThat(_size(view.grid)).isGreaterThan(shown);
    }

    @Test
    void a_contract_page_draws_the_term_against_each_registration_with_the_same_facts_in_words() {
        signInAsUser("risk");
        UI.getCurrent().navigate("contracts", QueryParameters.fromString("coverageShort=true"));
        ContractListView list = _get(ContractListView.class);
        ContractListItem shortOne = java.util.stream.IntStream.range(0, _size(list.grid))
                .mapToObj(i -> _get(list.grid, i))
                .filter(item -> !item.notCovered())
                .findFirst()
                .orElseThrow();

        UI.getCurrent().navigate("contracts/" + shortOne.id());
        _get(com.vaadin.flow.component.tabs.TabSheet.class).setSelectedIndex(2);
        CoverageSection section = _get(CoverageSection.class);

        String summary =
                _get(Paragraph.class, spec -> spec.withId("coverage-summary")).getText();
        assertThat(summary)
                .contains(shortOne.coveredUntil().toString())
                .contains(shortOne.endDate().toString());
        assertThat(_get(Paragraph.class, spec -> spec.withId("coverage-renewals"))
                        .getText())
                .contains(shortOne.endDate().toString())
                .contains("更新");
        String svg = section.getElement().getChild(3).getChild(0).getProperty("innerHTML");
        assertThat(svg)
                .startsWith("<svg")
                .contains("role=\"img\"")
                .contains("更新が必要")
                .contains("本日");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("coverage-text"))
                        .getElement()
                        .getText())
                .isNotNull();
        assertThat(_get(UnorderedList.class, spec -> spec.withId("coverage-text"))
                        .getChildren()
                        .count())
                .isPositive();
    }
}
