package jp.hoshimi.dashboard;

import jp.hoshimi.organisation.OrgUnit;
import jp.hoshimi.shared.RequiredLevel;

/**
 * One row of the heat map: a unit (with every unit below it that the user may see, as the contract list
 * filters by unit) and a required level, with its contracts counted by status.
 *
 * @param depth the unit's depth in the tree as the user sees it (0 for the top units of their scope)
 */
public record HeatRow(OrgUnit unit, int depth, RequiredLevel requiredLevel, StatusCounts counts) {}
