package jp.hoshimi.dashboard.ui;

import java.util.Locale;

/** Small helpers for the server-rendered SVG charts: escaping and number formatting. */
final class Svg {

    private Svg() {}

    /** Text or attribute content, escaped for XML. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A coordinate with one decimal, always with a dot. */
    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A count with thousands separators. */
    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A tick step of 1, 2 or 5 × 10^k that gives at most about five ticks up to {@code max}. */
    static long tickStep(long max) {
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                if (max / (step * m) <= 5) {
                    return step * m;
                }
            }
            step *= 10;
        }
    }

    /** Horizontal grid lines with their values on the left, from 0 to {@code top} every {@code step}. */
    static void yAxis(StringBuilder svg, long top, long step, int left, int right, int plotTop, double plotHeight) {
        for (long tick = 0; tick <= top; tick += step) {
            double y = plotTop + plotHeight - plotHeight * tick / top;
            svg.append("<line class=\"grid-line\" x1=\"")
                    .append(left)
                    .append("\" x2=\"")
                    .append(right)
                    .append("\" y1=\"")
                    .append(n(y))
                    .append("\" y2=\"")
                    .append(n(y))
                    .append("\"/><text class=\"axis-label\" text-anchor=\"end\" x=\"")
                    .append(left - 6)
                    .append("\" y=\"")
                    .append(n(y + 4))
                    .append("\">")
                    .append(count(tick))
                    .append("</text>");
        }
    }

    /** A bar segment: a link around a rectangle of the given colour class, with a tooltip. */
    static void segment(
            StringBuilder svg,
            String href,
            String colourClass,
            double x,
            double y,
            double width,
            double height,
            String tip) {
        svg.append("<a href=\"")
                .append(escape(href))
                .append("\"><rect class=\"")
                .append(colourClass)
                .append("\" x=\"")
                .append(n(x))
                .append("\" y=\"")
                .append(n(y))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\"><title>")
                .append(escape(tip))
                .append("</title></rect></a>");
    }
}
