package jp.hoshimi.shared.identity;

/**
 * The four roles. Use the constants in annotations ({@code @RolesAllowed(Role.ADMIN)}); Spring Security
 * sees them as authorities {@code ROLE_<name>}.
 */
public enum Role {
    PROCUREMENT,
    RISK_MANAGER,
    ADMIN,
    AUDITOR;

    public static final String PROCUREMENT_NAME = "PROCUREMENT";
    public static final String RISK_MANAGER_NAME = "RISK_MANAGER";
    public static final String ADMIN_NAME = "ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";

    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }
}
