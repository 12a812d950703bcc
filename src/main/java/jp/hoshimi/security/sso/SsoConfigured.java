package jp.hoshimi.security.sso;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code hoshimi.sso.issuer-uri} has a value (an empty environment placeholder does not count). */
class SsoConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String issuer = context.getEnvironment().getProperty("hoshimi.sso.issuer-uri", "");
        return issuer.isBlank()
                ? ConditionOutcome.noMatch("hoshimi.sso.issuer-uri is not set")
                : ConditionOutcome.match("hoshimi.sso.issuer-uri is " + issuer);
    }
}
