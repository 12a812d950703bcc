package jp.hoshimi.register;

import java.time.Clock;
import java.time.LocalDateTime;
import jp.hoshimi.register.internal.RegisterMappingRepository;
import jp.hoshimi.register.internal.RegisterSourceRepository;
import jp.hoshimi.register.source.RegisterKind;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before anything syncs: writes the {@code hoshimi.register.*} properties as the stored source of
 * each kind that an administrator has not set in the app, and the field mapping of each kind likewise. So a fresh install starts from its properties,
 * and once an administrator saves a source the properties no longer apply to it.
 */
@Component
@Order(5)
class RegisterSourceSeed implements ApplicationRunner {

    private final RegisterSources sources;
    private final RegisterSourceRepository stored;
    private final RegisterMappingRepository mappings;
    private final Clock clock;

    RegisterSourceSeed(
            RegisterSources sources, RegisterSourceRepository stored, RegisterMappingRepository mappings, Clock clock) {
        this.sources = sources;
        this.stored = stored;
        this.mappings = mappings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (RegisterKind kind : RegisterKind.values()) {
            stored.seed(sources.fromProperties(kind), LocalDateTime.now(clock));
            // the field mapping likewise, from hoshimi.register.<kind>.mapping.* (issue 23)
            mappings.seed(kind, sources.mappingFromProperties(kind), LocalDateTime.now(clock));
        }
    }
}
