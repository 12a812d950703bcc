package jp.hoshimi.outreach.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.RouteParameters;
import jp.hoshimi.KaribuTest;
import jp.hoshimi.outreach.ContactForm;
import jp.hoshimi.outreach.ContactService;
import jp.hoshimi.outreach.RequestFilter;
import jp.hoshimi.outreach.RequestForm;
import jp.hoshimi.outreach.RequestService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request views on the shared Karibu context (drafts only: a draft sends no mail and makes no alert, so
 * the other UI tests on this context see the same notification centre).
 */
class RequestViewsTest extends KaribuTest {

    @Autowired
    RequestService requests;

    @Autowired
    ContactService contacts;

    @Autowired
    org.jooq.DSLContext dsl;

    /** A supplier only 購買部 works with (in no chain of another unit). */
    long onlyOurs() {
        return onlyOurs(dsl);
    }

    static long onlyOurs(org.jooq.DSLContext dsl) {
        var f = jp.hoshimi.db.Tables.COMPLIANCE_FINDING;
        var c = jp.hoshimi.db.Tables.CONTRACT;
        var u = jp.hoshimi.db.Tables.ORG_UNIT;
        var ours = org.jooq.impl.DSL.when(u.CODE.like("HMC-PUR%"), 1).otherwise(0);
        var others = org.jooq.impl.DSL.when(u.CODE.notLike("HMC-PUR%"), 1).otherwise(0);
        return dsl.select(f.SUPPLIER_ID)
                .from(f)
                .join(c)
                .on(c.ID.eq(f.CONTRACT_ID))
                .join(u)
                .on(u.ID.eq(c.ORG_UNIT_ID))
                .groupBy(f.SUPPLIER_ID)
                .having(org.jooq.impl.DSL.sum(ours).gt(java.math.BigDecimal.ZERO))
                .and(org.jooq.impl.DSL.sum(others).eq(java.math.BigDecimal.ZERO))
                .orderBy(f.SUPPLIER_ID)
                .limit(1)
                .fetchSingle(f.SUPPLIER_ID);
    }

    @Test
    void procurement_makes_a_draft_from_the_supplier_page_and_sees_it_in_the_list() {
        signInAsUser("procurement");
        long supplier = onlyOurs();
        contacts.add(supplier, new ContactForm("佐藤 花子", "情報システム部", "sato@example.jp", "03-1234-5678", true));
        RequestDialog dialog = new RequestDialog(requests, contacts, supplier, "テスト");
        assertThat(dialog.contactEmail.getValue()).isEqualTo("sato@example.jp");
        assertThat(dialog.message.getValue()).contains("ご担当者様").contains("何卒よろしくお願い申し上げます");
        dialog.dueDate.setValue(null);
        dialog.save(false);
        assertThat(dialog.dueDate.isInvalid()).isTrue(); // nothing saved, the field says why
        assertThat(requests.list(new RequestFilter(null, null, supplier), 0, 10))
                .isEmpty();

        RequestForm form = dialog.form();
        long id = requests.create(new RequestForm(
                form.supplierId(),
                form.contactId(),
                form.contactName(),
                form.contactEmail(),
                form.gapType(),
                form.requestedLevel(),
                requests.suggest(supplier, "ja").dueDate(),
                "ja",
                form.message(),
                form.contractIds()));
        UI.getCurrent().navigate(RequestListView.class);
        RequestListView list = _get(RequestListView.class);
        assertThat(list.grid.getGenericDataView().getItems().map(r -> r.id())).contains(id);
        list.state.setValue(jp.hoshimi.outreach.RequestState.DONE);
        assertThat(list.grid.getGenericDataView().getItems().map(r -> r.id())).doesNotContain(id);

        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("id", String.valueOf(id)));
        RequestDetailView detail = _get(RequestDetailView.class);
        assertThat(detail.request.state().name()).isEqualTo("DRAFT");
        assertThat(_size(detail.timeline)).isEqualTo(1);

        signInAsUser("procurement2");
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("id", String.valueOf(id)));
        assertThat(_find(RequestDetailView.class)).isEmpty(); // another unit's request is "not found"
        UI.getCurrent().navigate(RequestListView.class);
        assertThat(_get(RequestListView.class)
                        .grid
                        .getGenericDataView()
                        .getItems()
                        .map(r -> r.id()))
                .doesNotContain(id);
    }

    @Test
    void the_answer_page_shows_only_a_neutral_text_for_a_token_that_does_not_work() {
        signInAsUser("auditor"); // the page shows the same to anyone, signed in or not
        UI.getCurrent().navigate(ReplyView.class, new RouteParameters("token", "A".repeat(43)));
        ReplyView view = _get(ReplyView.class);
        assertThat(_get(view, Paragraph.class, spec -> spec.withId("reply-neutral"))
                        .getText())
                .contains("このリンクからご覧いただける依頼はありません");
        assertThat(_find(view, com.vaadin.flow.component.formlayout.FormLayout.class))
                .isEmpty();
    }
}
