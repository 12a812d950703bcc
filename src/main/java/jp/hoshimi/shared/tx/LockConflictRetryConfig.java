package jp.hoshimi.shared.tx;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wraps every {@code @Transactional} method of a {@code @Service} (the transaction boundary: REST, UI
 * and jobs all come through it) in {@link LockConflictRetry}, outside the transaction advice, so that
 * each attempt is a transaction of its own ({@code hoshimi.tx.lock-retry.attempts}, default 3).
 */
@Configuration(proxyBeanMethods = false)
class LockConflictRetryConfig {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor lockConflictRetryAdvisor(
            @Value("${hoshimi.tx.lock-retry.attempts:3}") int attempts,
            @Value("${hoshimi.tx.lock-retry.backoff-millis:100}") long backoffMillis) {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                new AnnotationMatchingPointcut(Service.class, Transactional.class, true),
                new LockConflictRetry(attempts, backoffMillis));
        // the transaction advice has the lowest precedence: this one runs around it
        advisor.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return advisor;
    }
}
