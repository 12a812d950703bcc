package jp.hoshimi.security;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether the application has finished starting: Spring Boot marks it ready (ACCEPTING_TRAFFIC) only after
 * every start-up runner is done — in development the demo users and data and the first register sync. The
 * web server answers earlier, so the login page says "starting" and sign-in waits until then.
 */
@Component
public class StartupReadiness {

    private final ApplicationAvailability availability;

    StartupReadiness(ApplicationAvailability availability) {
        this.availability = availability;
    }

    public boolean ready() {
        return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
    }
}
