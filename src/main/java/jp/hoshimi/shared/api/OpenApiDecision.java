package jp.hoshimi.shared.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description is served deliberately (issue 24, README "OpenAPI"): at /api/docs to signed-in
 * users only (the security chain requires a session for it), off with HOSHIMI_OPENAPI_ENABLED=false. This
 * bean takes the name of SpringDoc's start-up initializer, whose only work is the warning that the
 * description is "enabled by default": it is not by default here but by decision, and says so at INFO.
 */
@Configuration
class OpenApiDecision {

    private static final Logger log = LoggerFactory.getLogger(OpenApiDecision.class);

    record Decision(boolean enabled) {}

    @Bean(name = "springDocAppInitializer")
    Decision springDocAppInitializer(@Value("${springdoc.api-docs.enabled:true}") boolean enabled) {
        log.info(
                enabled
                        ? "OpenAPI description at /api/docs for signed-in users and API tokens (HOSHIMI_OPENAPI_ENABLED=false turns it off)"
                        : "OpenAPI description off (HOSHIMI_OPENAPI_ENABLED=false)");
        return new Decision(enabled);
    }
}
