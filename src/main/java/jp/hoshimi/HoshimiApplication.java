package jp.hoshimi;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Hoshimi (星見): buyer-side supplier risk dashboard for the SCS star scheme. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Theme("hoshimi")
@Meta(name = "robots", content = "noindex")
@PWA(
        name = "Hoshimi",
        shortName = "Hoshimi",
        offlineResources = {})
public class HoshimiApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(HoshimiApplication.class, args);
    }
}
