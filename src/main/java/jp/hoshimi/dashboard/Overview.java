package jp.hoshimi.dashboard;

import java.util.List;

/** The key figures and the heat map, which one aggregate query answers together. */
public record Overview(Kpis kpis, List<HeatRow> heatMap) {}
