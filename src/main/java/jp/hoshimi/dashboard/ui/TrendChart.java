package jp.hoshimi.dashboard.ui;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import jp.hoshimi.contract.ui.ContractListQuery;
import jp.hoshimi.dashboard.TrendDay;
import jp.hoshimi.shared.ComplianceStatus;

/**
 * The compliance trend as server-rendered SVG: one thin bar per day of the period, stacked by status
 * (worst at the bottom), with a tooltip per segment. Days without a snapshot stay empty, so a gap in the
 * history shows as a gap. Each segment links to the contracts that have that status now.
 */
final class TrendChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 240;
    private static final int LEFT = 44;
    private static final int RIGHT = 10;
    private static final int TOP = 12;
    private static final int BOTTOM = 30;

    private TrendChart() {}

    static String svg(
            List<TrendDay> days,
            LocalDate first,
            LocalDate last,
            Function<ComplianceStatus, String> statusName,
            String title) {
        long max = Math.max(
                1, days.stream().mapToLong(d -> d.counts().evaluated()).max().orElse(0));
        long step = Svg.tickStep(max);
        long top = ((max + step - 1) / step) * step;
        long span = ChronoUnit.DAYS.between(first, last) + 1;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / span;
        double barWidth = Math.max(1, slot * 0.8);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart compliance-trend\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title))
                .append("\">");
        Svg.yAxis(svg, top, step, LEFT, WIDTH - RIGHT, TOP, plotHeight);
        for (TrendDay day : days) {
            double x = LEFT + slot * ChronoUnit.DAYS.between(first, day.date()) + (slot - barWidth) / 2;
            double y = TOP + plotHeight;
            for (ComplianceStatus status : ComplianceStatus.values()) {
                long count = day.counts().of(status);
                if (count == 0) {
                    continue;
                }
                double h = plotHeight * count / top;
                y -= h;
                Svg.segment(
                        svg,
                        ContractListQuery.all().withStatus(status).href(),
                        "status-" + status.name(),
                        x,
                        y,
                        barWidth,
                        h,
                        day.date() + " · " + statusName.apply(status) + ": " + Svg.count(count));
            }
        }
        // first, middle and last day under the axis
        for (LocalDate label : List.of(first, first.plusDays(span / 2), last)) {
            double x = LEFT + slot * ChronoUnit.DAYS.between(first, label) + slot / 2;
            svg.append("<text class=\"axis-label\" text-anchor=\"middle\" x=\"")
                    .append(Svg.n(Math.min(WIDTH - RIGHT - 30, Math.max(LEFT + 30, x))))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16)
                    .append("\">")
                    .append(label)
                    .append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
