package jp.hoshimi.supplier.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteParameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.compliance.FailingContract;
import jp.hoshimi.compliance.Finding;
import jp.hoshimi.compliance.ui.ComplianceBadge;
import jp.hoshimi.shared.ComplianceStatus;
import jp.hoshimi.shared.StarLevel;
import jp.hoshimi.shared.export.ExportFormat;
import jp.hoshimi.shared.identity.SystemAuthentication;
import jp.hoshimi.supplier.SupplierListItem;
import jp.hoshimi.supplier.SupplierService;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A headline agrees with its details (issue 13): for 碧海精密プレス工業 (S-10001, ★4 valid until 2028-03-31,
 * with an unregistered tier-2 sub-contractor in HMC-2026-0001) the supplier page's headline, its own-standing
 * block, its compliance tab, the supplier list row and the exported row all say the same own status, and the
 * sub-contractor's failure shows only in the failing-contracts section.
 */
class SupplierOwnStatusAgreementTest extends KaribuTest {

    static final String NAME = "碧海精密プレス工業株式会社";

    @Autowired
    SupplierService suppliers;

    @Autowired
    SystemAuthentication system;

    @Test
    void the_page_headline_the_list_row_the_export_and_the_compliance_tab_agree_on_the_own_status() throws IOException {
        signInAsUser("risk");
        long id = system.callAsSystem(() -> suppliers.findByCode("S-10001"))
                .orElseThrow()
                .id();
        UI.getCurrent().navigate(SupplierDetailView.class, new RouteParameters("id", String.valueOf(id)));
        SupplierDetailView page = _get(SupplierDetailView.class);

        String headline = statusOf(_find(page.summary, ComplianceBadge.class).get(0));
        String ownBlock = statusOf(_find(
                        _get(
                                page,
                                com.vaadin.flow.component.html.Span.class,
                                spec -> spec.withId("supplier-own-status")),
                        ComplianceBadge.class)
                .get(0));
        List<Finding> tab = page.findings.getGenericDataView().getItems().toList();
        assertThat(headline).isEqualTo("OK").isEqualTo(ownBlock);
        assertThat(tab)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.status().name()).isEqualTo(headline));
        assertThat(_get(page, com.vaadin.flow.component.html.Div.class, spec -> spec.withId("supplier-own-standing"))
                        .getElement()
                        .getTextRecursively())
                .contains("2028-03-31")
                .contains(NAME)
                .contains(page.getTranslation(StarLevel.STAR4.messageKey()));
        // the sub-contractors' failures are shown apart, worst first, each with its cause
        List<FailingContract> failing = java.util.stream.IntStream.range(0, _size(page.failing.grid))
                .mapToObj(i -> _get(page.failing.grid, i))
                .toList();
        assertThat(failing).extracting(FailingContract::contractNumber).contains("HMC-2026-0001", "HMC-2026-0007");
        assertThat(failing).extracting(f -> f.status().severity()).isSorted();
        assertThat(failing).allSatisfy(f -> {
            assertThat(f.status()).isNotEqualTo(ComplianceStatus.OK);
            assertThat(f.causeSupplierId()).isNotEqualTo(id);
            assertThat(page.failing.cause(f))
                    .isEqualTo(f.causeTier() + "次委託先 " + f.causeSupplierName() + ": "
                            + page.getTranslation(f.causeStatus().messageKey()));
        });
        assertThat(failing)
                .filteredOn(f -> f.contractNumber().equals("HMC-2026-0007"))
                .singleElement()
                .satisfies(f -> assertThat(page.failing.cause(f)).isEqualTo("2次委託先 株式会社ネクストリモート: 未登録"));

        UI.getCurrent().navigate(SupplierListView.class);
        SupplierListView list = _get(SupplierListView.class);
        list.search.setValue("碧海精密プレス");
        SupplierListItem row = _get(list.grid, 0);
        assertThat(row.id()).isEqualTo(id);
        assertThat(row.status().name()).isEqualTo(headline);
        assertThat(row.heldLevel()).isEqualTo(StarLevel.STAR4);
        assertThat(row.validUntil()).isEqualTo(LocalDate.of(2028, 3, 31));
        assertThat(row.registeredName()).isEqualTo(NAME);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        list.export(ExportFormat.CSV, out, Locale.JAPANESE);
        String csv = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        List<String> header = records.get(0).toList();
        CSVRecord exported =
                records.stream().filter(r -> r.get(0).equals(NAME)).findFirst().orElseThrow();
        assertThat(exported.get(header.indexOf("★状況（自社）"))).isEqualTo("適合");
        assertThat(exported.get(header.indexOf("保有レベル")))
                .isEqualTo(list.getTranslation(Locale.JAPANESE, StarLevel.STAR4.messageKey()));
        assertThat(exported.get(header.indexOf("有効期限"))).isEqualTo("2028-03-31");
        assertThat(exported.get(header.indexOf("登録名"))).isEqualTo(NAME);
    }

    @Test
    void the_status_filter_of_the_list_filters_on_the_own_status() {
        signInAsUser("risk");
        UI.getCurrent().navigate(SupplierListView.class);
        SupplierListView list = _get(SupplierListView.class);
        list.search.setValue("碧海精密プレス");

        list.status.setValue(java.util.Set.of(ComplianceStatus.MISSING, ComplianceStatus.EXPIRED));
        assertThat(_size(list.grid)).isZero();

        list.status.setValue(java.util.Set.of(ComplianceStatus.OK));
        assertThat(_size(list.grid)).isOne();
    }

    private static String statusOf(ComplianceBadge badge) {
        return badge.getElement().getAttribute("data-status");
    }
}
