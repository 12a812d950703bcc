package jp.hoshimi.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import jp.hoshimi.KaribuTest;
import org.junit.jupiter.api.Test;

class AuditViewTest extends KaribuTest {

    @Test
    void the_auditor_sees_the_changes_newest_first_and_filters_by_record_type() {
        signInAsUser("auditor");
        UI.getCurrent().navigate(AuditView.class);
        AuditView view = _get(AuditView.class);

        int all = _size(view.grid);
        assertThat(all).isGreaterThanOrEqualTo(80 + 9); // demo contracts and chain links
        view.entityType.setValue("contract");
        assertThat(_size(view.grid)).isBetween(80, all - 1);
        assertThat(_get(view.grid, 0).entityType()).isEqualTo("contract");
    }
}
