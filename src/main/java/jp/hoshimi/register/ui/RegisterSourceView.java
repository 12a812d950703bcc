package jp.hoshimi.register.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import jp.hoshimi.register.RegisterSourceService;
import jp.hoshimi.register.RegisterSourceSettings;
import jp.hoshimi.register.RegisterSourceSettings.Type;
import jp.hoshimi.shared.ConcurrentEditException;
import jp.hoshimi.shared.ValidationException;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.ui.Notifications;
import jp.hoshimi.shared.ui.Problems;
import jp.hoshimi.shared.ui.ViewToolbar;

/**
 * Where each register is read from (issue 24): an HTTP feed, a file on the server, or none; "test
 * connection" fetches once and says what it found. The field mapping is on {@link RegisterMappingView}.
 */
@Route("register/source")
@RolesAllowed(Role.ADMIN_NAME)
class RegisterSourceView extends VerticalLayout implements HasDynamicTitle {

    private final RegisterSourceService sources;

    RegisterSourceView(RegisterSourceService sources) {
        this.sources = sources;
        Anchor back = new Anchor("register", getTranslation("registerSource.back"));
        add(
                new ViewToolbar(getTranslation("registerSource.title"), back),
                new Paragraph(getTranslation("registerSource.intro")));
        sources.all().forEach(settings -> add(new SourceForm(settings)));
        Anchor mapping = new Anchor("register/mapping", getTranslation("registerSource.mapping"));
        mapping.setId("register-source-mapping");
        add(mapping);
    }

    /** One kind's source: type, URL or path, format; save and test. */
    final class SourceForm extends Div {

        final Select<Type> type = new Select<>();
        final TextField location = new TextField();
        final Select<String> format = new Select<>();
        final Paragraph result = new Paragraph();
        private RegisterSourceSettings settings;

        SourceForm(RegisterSourceSettings settings) {
            this.settings = settings;
            String kind =
                    settings.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            setId("register-source-" + kind);
            addClassName("dashboard-section");
            type.setLabel(getTranslation("registerSource.type"));
            type.setItems(Type.values());
            type.setItemLabelGenerator(t -> getTranslation("registerSource.type." + t.name()));
            type.setId("register-source-" + kind + "-type");
            location.setLabel(getTranslation("registerSource.location"));
            location.setHelperText(getTranslation("registerSource.location.help"));
            location.setId("register-source-" + kind + "-location");
            location.setMaxLength(1000);
            format.setLabel(getTranslation("registerSource.format"));
            format.setItems("", "CSV", "JSON", "XLSX");
            format.setItemLabelGenerator(f -> f.isEmpty() ? getTranslation("registerSource.format.auto") : f);
            type.addValueChangeListener(e -> location.setEnabled(e.getValue() != Type.NONE));
            show(settings);
            Button save = new Button(getTranslation("action.save"), click -> save());
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("register-source-" + kind + "-save");
            Button test = new Button(getTranslation("registerSource.test"), click -> test());
            test.setId("register-source-" + kind + "-test");
            result.setId("register-source-" + kind + "-result");
            FormLayout form = new FormLayout(type, location, format);
            form.setColspan(location, 2);
            add(
                    new H3(getTranslation("register.kind." + settings.kind().name())),
                    form,
                    new HorizontalLayout(save, test),
                    result);
        }

        private void show(RegisterSourceSettings s) {
            type.setValue(s.type());
            location.setValue(s.location() == null ? "" : s.location());
            format.setValue(s.format() == null ? "" : s.format());
            location.setEnabled(s.type() != Type.NONE);
        }

        private RegisterSourceSettings typed() {
            return new RegisterSourceSettings(
                    settings.kind(),
                    type.getValue(),
                    location.getValue(),
                    format.getValue(),
                    settings.origin(),
                    settings.version());
        }

        void save() {
            try {
                settings = sources.save(typed());
                show(settings);
                Problems.clear(this);
                Notifications.success(getTranslation("registerSource.saved"));
            } catch (ValidationException e) {
                showProblems(e);
            } catch (ConcurrentEditException e) {
                Notifications.error(getTranslation("concurrentEdit.text"));
            }
        }

        void test() {
            try {
                RegisterSourceService.TestResult found = sources.test(typed());
                result.setText(
                        found.ok()
                                ? getTranslation(
                                        "registerSource.test.ok", found.entries(), found.format(), found.bytes())
                                : getTranslation(
                                        "registerSource.test.failed",
                                        getTranslation(found.errorKey()),
                                        found.detail()));
                result.getElement().setAttribute("data-ok", String.valueOf(found.ok()));
            } catch (ValidationException e) {
                showProblems(e);
            }
        }

        private void showProblems(ValidationException e) {
            String rest = Problems.show(this, e, Map.of("location", location, "format", format));
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registerSource.title") + " | Hoshimi";
    }
}
