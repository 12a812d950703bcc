package jp.hoshimi;

import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.organisation.OrgUnitService;
import jp.hoshimi.shared.identity.SystemAuthentication;

/** The demo data's organisation units, looked up by code (HMC, HMC-PUR, …) as the system user. */
public final class DemoUnits {

    private DemoUnits() {}

    public static long id(OrgUnitService orgUnits, SystemAuthentication system, String code) {
        return system.callAsSystem(orgUnits::all).stream()
                .filter(u -> u.code().equals(code))
                .map(OrgUnit::id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo unit " + code));
    }
}
