package jp.hoshimi.setup;

import java.util.List;

/**
 * One step of the administrator's set-up checklist: whether it is done, what was found (a message key with
 * its arguments, e.g. "0 organisation units") and the route where it is done.
 */
public record SetupStep(String id, boolean done, String foundKey, List<Object> foundArguments, String route) {

    /** The step's title key: {@code setup.step.<id>}. */
    public String titleKey() {
        return "setup.step." + id;
    }

    /** What to do, shown while the step is open: {@code setup.step.<id>.todo}. */
    public String todoKey() {
        return "setup.step." + id + ".todo";
    }
}
