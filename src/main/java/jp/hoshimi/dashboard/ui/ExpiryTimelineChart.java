package jp.hoshimi.dashboard.ui;

import java.util.List;
import java.util.function.Function;
import jp.hoshimi.contract.ExpiryWindow;
import jp.hoshimi.contract.ui.ContractListQuery;
import jp.hoshimi.dashboard.ExpiryMonth;
import jp.hoshimi.shared.RequiredLevel;

/**
 * The expiry timeline as server-rendered SVG (no chart library, no npm): one bar per month, stacked by
 * required level, each segment a link to the contracts expiring in that month at that level, with a
 * tooltip; the count above each bar links to the whole month.
 */
final class ExpiryTimelineChart {

    static final int WIDTH = 760;
    static final int HEIGHT = 260;
    private static final int LEFT = 44;
    private static final int RIGHT = 10;
    private static final int TOP = 20;
    private static final int BOTTOM = 36;

    /** Strictest first, from the bottom of each bar up. */
    static final List<RequiredLevel> STACK = List.of(
            RequiredLevel.STAR5,
            RequiredLevel.STAR4,
            RequiredLevel.STAR3,
            RequiredLevel.SA2,
            RequiredLevel.SA1,
            RequiredLevel.NONE);

    private ExpiryTimelineChart() {}

    /**
     * @param levelName the level's name in the user's language
     * @param monthLabel a month's label, e.g. "2027-03"
     * @param tooltip the tooltip of a segment: month label, level name, count
     */
    static String svg(
            List<ExpiryMonth> months,
            Function<RequiredLevel, String> levelName,
            Function<ExpiryMonth, String> monthLabel,
            String title) {
        long max =
                Math.max(1, months.stream().mapToLong(ExpiryMonth::total).max().orElse(0));
        long step = Svg.tickStep(max);
        long top = ((max + step - 1) / step) * step;
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, months.size());
        double barWidth = slot * 0.62;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart expiry-timeline\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(Svg.escape(title))
                .append("\">");
        Svg.yAxis(svg, top, step, LEFT, WIDTH - RIGHT, TOP, plotHeight);
        for (int i = 0; i < months.size(); i++) {
            ExpiryMonth month = months.get(i);
            double x = LEFT + slot * i + (slot - barWidth) / 2;
            double y = TOP + plotHeight;
            for (RequiredLevel level : STACK) {
                long count = month.byLevel().getOrDefault(level, 0L);
                if (count == 0) {
                    continue;
                }
                double h = plotHeight * count / top;
                y -= h;
                String href = ContractListQuery.all()
                        .withExpiry(ExpiryWindow.between(month.from(), month.to()))
                        .withLevel(level)
                        .href();
                Svg.segment(
                        svg,
                        href,
                        "level-" + level.name(),
                        x,
                        y,
                        barWidth,
                        h,
                        monthLabel.apply(month) + " · " + levelName.apply(level) + ": " + Svg.count(count));
            }
            if (month.total() > 0) {
                svg.append("<a href=\"")
                        .append(Svg.escape(ContractListQuery.all()
                                .withExpiry(ExpiryWindow.between(month.from(), month.to()))
                                .href()))
                        .append("\"><text class=\"bar-value\" text-anchor=\"middle\" x=\"")
                        .append(Svg.n(x + barWidth / 2))
                        .append("\" y=\"")
                        .append(Svg.n(y - 4))
                        .append("\">")
                        .append(Svg.count(month.total()))
                        .append("</text></a>");
            }
            svg.append("<text class=\"axis-label\" text-anchor=\"middle\" x=\"")
                    .append(Svg.n(x + barWidth / 2))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16)
                    .append("\">")
                    .append(Svg.escape(monthLabel.apply(month)))
                    .append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }
}
