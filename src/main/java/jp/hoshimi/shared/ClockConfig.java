package jp.hoshimi.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, injected everywhere so that tests can move time. */
@Configuration
class ClockConfig {

    /** Business dates (valid-until, lead times) are judged in Japan. */
    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Tokyo");

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
