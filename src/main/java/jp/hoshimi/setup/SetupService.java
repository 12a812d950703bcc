package jp.hoshimi.setup;

import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import jp.hoshimi.alert.AlertService;
import jp.hoshimi.alert.MailChannel;
import jp.hoshimi.setup.internal.SetupRepository;
import jp.hoshimi.shared.identity.Role;
import jp.hoshimi.shared.identity.SystemAuthentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's set-up checklist (issue 24): what a fresh installation still lacks, each step with
 * what was found and where to do it. Computed from cheap counts on each call; nothing stored.
 */
@Service
@RolesAllowed(Role.ADMIN_NAME)
public class SetupService {

    private final SetupRepository repository;
    private final AlertService alerts;
    private final SystemAuthentication system;
    private final String initialAdmin;

    SetupService(
            SetupRepository repository,
            AlertService alerts,
            SystemAuthentication system,
            @Value("${hoshimi.initial-admin.username:}") String initialAdmin) {
        this.repository = repository;
        this.alerts = alerts;
        this.system = system;
        this.initialAdmin = initialAdmin;
    }

    @Transactional(readOnly = true)
    public List<SetupStep> checklist() {
        String me = system.currentActor();
        SetupRepository.Figures f = repository.figures(me, initialAdmin.isBlank() ? me : initialAdmin);
        boolean channel = alerts.mailMode() != MailChannel.Mode.OFF || f.webhookEnabled();
        return List.of(
                registerStep(f),
                step("orgUnits", f.orgUnits() > 0, "setup.found.orgUnits", SetupRoutes.ORGANISATION, f.orgUnits()),
                step("users", f.otherUsers() > 0, "setup.found.users", SetupRoutes.USERS, f.otherUsers()),
                step(
                        "suppliers",
                        f.suppliers() > 0,
                        "setup.found.suppliers",
                        SetupRoutes.SUPPLIER_IMPORT,
                        f.suppliers()),
                step("contracts", f.contracts() > 0, "setup.found.contracts", SetupRoutes.CONTRACTS, f.contracts()),
                step(
                        "alerts",
                        channel && f.testMessagesDelivered() > 0,
                        channel ? "setup.found.testMessages" : "setup.found.noChannel",
                        SetupRoutes.ALERTS,
                        f.testMessagesDelivered()),
                step(
                        "ownUnit",
                        f.ownUnits() > 0 || f.groupWide(),
                        f.groupWide() ? "setup.found.groupWide" : "setup.found.ownUnits",
                        SetupRoutes.ORGANISATION,
                        f.ownUnits()));
    }

    private static SetupStep registerStep(SetupRepository.Figures f) {
        if (f.configuredSources() == 0) {
            return step("register", false, "setup.found.noSource", SetupRoutes.REGISTER_SOURCE);
        }
        return step(
                "register",
                f.successfulSyncs() > 0,
                f.successfulSyncs() > 0 ? "setup.found.synced" : "setup.found.neverSynced",
                SetupRoutes.REGISTER,
                f.successfulSyncs());
    }

    private static SetupStep step(String id, boolean done, String foundKey, String route, Object... arguments) {
        return new SetupStep(id, done, foundKey, List.of(arguments), route);
    }
}
