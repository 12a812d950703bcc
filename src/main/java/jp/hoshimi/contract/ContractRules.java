package jp.hoshimi.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import jp.hoshimi.organisation.DataScope;
import jp.hoshimi.shared.FieldProblem;
import jp.hoshimi.shared.RequiredLevel;

/**
 * The editor's rules for a contract, apart from the uniqueness of its number (which needs the master):
 * used by {@link ContractService} for every save and by the set-based import's check, so both say the
 * same with the same messages.
 */
public final class ContractRules {

    static final int MINIMUM_REASON_LENGTH = 10;

    private ContractRules() {}

    /** A form that passed the rules, as it is stored (text stripped), or the problems it has. */
    public record Checked(ContractForm form, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /**
     * Checks the form: required fields, lengths, the unit within {@code scope}, the dates' order, a
     * complete decision chart and a reason for a level other than its suggestion.
     */
    public static Checked check(ContractForm form, DataScope scope, LongPredicate supplierExists) {
        List<FieldProblem> problems = new ArrayList<>();
        String number = strip(form.contractNumber());
        if (number == null) {
            problems.add(FieldProblem.of("contractNumber", "validation.required"));
        } else if (number.length() > 50) {
            problems.add(FieldProblem.of("contractNumber", "validation.tooLong", 50));
        }
        String title = strip(form.title());
        if (title == null) {
            problems.add(FieldProblem.of("title", "validation.required"));
        } else if (title.length() > 300) {
            problems.add(FieldProblem.of("title", "validation.tooLong", 300));
        }
        if (form.supplierId() == null) {
            problems.add(FieldProblem.of("supplierId", "validation.required"));
        } else if (!supplierExists.test(form.supplierId())) {
            problems.add(FieldProblem.of("supplierId", "contract.supplier.unknown"));
        }
        if (form.orgUnitId() == null) {
            problems.add(FieldProblem.of("orgUnitId", "validation.required"));
        } else if (!scope.includes(form.orgUnitId())) {
            problems.add(FieldProblem.of("orgUnitId", "contract.orgUnit.outOfScope"));
        }
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            problems.add(FieldProblem.of("endDate", "contract.endBeforeStart"));
        }
        DecisionChart chart = form.decisionChart() == null ? DecisionChart.unanswered() : form.decisionChart();
        if (!chart.isComplete()) {
            problems.add(FieldProblem.of("decisionChart", "contract.decisionChart.incomplete"));
        }
        RequiredLevel required = form.requiredLevel();
        String reason = strip(form.levelReason());
        if (required == null) {
            problems.add(FieldProblem.of("requiredLevel", "validation.required"));
        } else if (chart.isComplete()
                && required != chart.suggestion().orElseThrow()
                && (reason == null || reason.length() < MINIMUM_REASON_LENGTH)) {
            problems.add(FieldProblem.of(
                    "levelReason",
                    "contract.levelReason.required",
                    MINIMUM_REASON_LENGTH,
                    chart.suggestion().orElseThrow()));
        }
        if (reason != null && reason.length() > 2000) {
            problems.add(FieldProblem.of("levelReason", "validation.tooLong", 2000));
        }
        return new Checked(
                new ContractForm(
                        number,
                        title,
                        form.supplierId(),
                        form.orgUnitId(),
                        form.ownerUserId(),
                        form.startDate(),
                        form.endDate(),
                        chart,
                        required,
                        reason),
                problems);
    }

    /**
     * Whether a save must wait for a second risk manager before its level applies (issue 20, decision
     * 0039): the level is below the chart's suggestion, and it is not simply the level and suggestion the
     * contract already has ({@code beforeLevel}/{@code beforeSuggested}, null for a new contract) — an
     * edit of the title does not ask again for a level approved (or stored before this rule) earlier.
     */
    public static boolean levelNeedsApproval(
            RequiredLevel required, RequiredLevel suggested, RequiredLevel beforeLevel, RequiredLevel beforeSuggested) {
        if (suggested == null || required == null || required.compareTo(suggested) >= 0) {
            return false;
        }
        return !(required == beforeLevel && suggested == beforeSuggested);
    }

    /** Whether a save changes what a pending level request was about (the level or the chart's suggestion). */
    public static boolean levelChanged(
            RequiredLevel required, RequiredLevel suggested, RequiredLevel beforeLevel, RequiredLevel beforeSuggested) {
        return required != beforeLevel || suggested != beforeSuggested;
    }

    /** The form as stored while its lower level waits: the suggested level, no reason (the request holds it). */
    public static ContractForm atSuggestion(ContractForm form, RequiredLevel suggested) {
        return new ContractForm(
                form.contractNumber(),
                form.title(),
                form.supplierId(),
                form.orgUnitId(),
                form.ownerUserId(),
                form.startDate(),
                form.endDate(),
                form.decisionChart(),
                suggested,
                null);
    }

    /** The editor's message for a number another contract holds (its title only when the user may see it). */
    public static FieldProblem duplicateNumber(String number, String otherTitle, long otherUnitId, DataScope scope) {
        return FieldProblem.of(
                "contractNumber", "contract.duplicateNumber", number, scope.includes(otherUnitId) ? otherTitle : "—");
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
