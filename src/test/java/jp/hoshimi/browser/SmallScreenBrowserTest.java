package jp.hoshimi.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import jp.hoshimi.alert.AlertDispatcher;
import jp.hoshimi.alert.ExpiredLinkEvents;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;

/** What the phone and tablet journeys share: the demo supplier they open, an expired link, the width checks. */
abstract class SmallScreenBrowserTest extends BrowserTest {

    static final String PRESS = "碧海精密プレス工業株式会社";

    /** True when neither the page nor the frame around the views is wider than the window. */
    static final String FITS_THE_WIDTH = """
            () => {
              const fits = e => e.scrollWidth <= e.clientWidth + 1;
              const layout = document.querySelector('vaadin-app-layout');
              const content = layout && layout.shadowRoot.querySelector('[content]');
              const view = layout && layout.querySelector(':scope > :not([slot])');
              return document.documentElement.scrollWidth <= window.innerWidth
                  && (!content || fits(content))
                  && (!view || fits(view));
            }""";

    @Autowired
    AlertDispatcher dispatcher;

    @Autowired
    SystemAuthentication system;

    @Autowired
    DSLContext dsl;

    /** An EXPIRED link of the contract as the engine would record it, made into alerts at once. */
    void expired(String contractNumber) {
        ExpiredLinkEvents.expire(dsl, dispatcher, system, contractNumber);
    }

    /** The element is visible and lies between the left and right edges of a window this wide. */
    static void assertWithinWidth(Locator locator, int width) {
        assertThat(locator).isVisible();
        BoundingBox box = locator.boundingBox();
        assertThat(box.x).as("left edge").isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right edge").isLessThanOrEqualTo(width);
    }
}
