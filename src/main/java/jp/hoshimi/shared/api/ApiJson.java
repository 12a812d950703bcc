package jp.hoshimi.shared.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Timestamps in API answers carry their zone: the stored ones are UTC {@code LocalDateTime}s, which Jackson
 * wrote without an offset ("2026-12-07T09:00:00.123") while the description says {@code date-time} (RFC
 * 3339, offset required), so a client generated from it failed to read them (issue 18, GeneratedClientTest).
 * Now "2026-12-07T09:00:00.123Z". Reading accepts both (Jackson takes the Z as UTC).
 */
@Configuration
class ApiJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer utcTimestamps() {
        return builder -> builder.serializerByType(LocalDateTime.class, new UtcTimestamp());
    }

    static final class UtcTimestamp extends StdSerializer<LocalDateTime> {
        UtcTimestamp() {
            super(LocalDateTime.class);
        }

        @Override
        public void serialize(LocalDateTime value, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeString(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value) + "Z");
        }
    }
}
