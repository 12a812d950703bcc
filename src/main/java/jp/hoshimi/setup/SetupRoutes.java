package jp.hoshimi.setup;

/**
 * Where each set-up step is done. The user administration screen comes with another change (issue 14):
 * its route is in ONE place, here, to be adjusted when that change is merged.
 */
public final class SetupRoutes {

    public static final String USERS = "admin/users";
    public static final String CHECKLIST = "admin/setup";
    public static final String REGISTER_SOURCE = "register/source";
    public static final String REGISTER = "register";
    public static final String ORGANISATION = "admin";
    public static final String SUPPLIER_IMPORT = "imports";
    public static final String CONTRACTS = "contracts";
    public static final String ALERTS = "alerts";

    private SetupRoutes() {}
}
