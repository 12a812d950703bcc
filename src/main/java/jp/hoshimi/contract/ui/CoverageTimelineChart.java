package jp.hoshimi.contract.ui;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import jp.hoshimi.compliance.ContractCoverage;
import jp.hoshimi.compliance.LinkCoverage;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 20: the contract's term drawn against each link's registration, as server-rendered SVG like the
 * dashboard's charts (no chart library, no npm). One row for the contract, one per supplier of the chain:
 * the registration as a bar up to its valid-until, the part of the contract it does not reach as a
 * dashed "needs renewal" bar with a tick at each renewal, a failing link as a marked bar over the whole
 * term; a line for today and one for the contract's end. Each row carries its words (level, date,
 * 「更新」), so nothing is told by colour alone; the page puts the same facts beside it as text.
 */
final class CoverageTimelineChart {

    static final int WIDTH = 760;
    private static final int LABEL = 210;
    private static final int RIGHT = 16;
    private static final int TOP = 28;
    private static final int ROW = 44;
    private static final int BAR = 14;

    /** The words the chart needs, in the user's language. */
    record Texts(String title, String contract, String today, String renewal, String failing, String noExpiry) {}

    private CoverageTimelineChart() {}

    static String svg(ContractCoverage coverage, LocalDate today, Texts texts, Function<LinkCoverage, String> label) {
        Axis axis = Axis.of(coverage, today);
        int height = TOP + ROW * (coverage.links().size() + 1) + 24;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart coverage-timeline\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(esc(texts.title()))
                .append("\">");
        years(svg, axis, height);
        double y = TOP;
        LocalDate end = coverage.end() == null ? axis.last : coverage.end();
        LocalDate start = coverage.start() == null ? axis.first : coverage.start();
        text(svg, "row-label", 4, y + BAR - 2, texts.contract());
        rect(
                svg,
                "bar-contract",
                axis.x(start),
                y,
                axis.x(end) - axis.x(start),
                BAR,
                texts.contract() + " " + start + " – " + (coverage.end() == null ? "" : coverage.end()));
        for (LinkCoverage link : coverage.links()) {
            y += ROW;
            text(svg, "row-label", 4, y + BAR - 2, label.apply(link));
            row(svg, axis, link, start, end, y, texts);
        }
        marker(svg, "today-line", axis.x(today), height, texts.today() + " " + today);
        if (coverage.end() != null) {
            marker(
                    svg,
                    "end-line",
                    axis.x(coverage.end()),
                    height,
                    coverage.end().toString());
        }
        return svg.append("</svg>").toString();
    }

    private static void row(
            StringBuilder svg, Axis axis, LinkCoverage link, LocalDate start, LocalDate end, double y, Texts texts) {
        if (!link.meetsLevel()) {
            rect(svg, "bar-failing", axis.x(start), y, axis.x(end) - axis.x(start), BAR, texts.failing());
            text(svg, "bar-text", axis.x(start) + 4, y + BAR - 3, texts.failing());
            return;
        }
        if (link.validUntil() == null) {
            rect(svg, "bar-registered", axis.x(start), y, axis.x(axis.last) - axis.x(start), BAR, texts.noExpiry());
            text(svg, "bar-text", axis.x(start) + 4, y + BAR - 3, texts.noExpiry());
            return;
        }
        double from = axis.x(start.isBefore(axis.first) ? axis.first : start);
        double until = axis.x(link.validUntil().plusDays(1));
        rect(
                svg,
                "bar-registered",
                from,
                y,
                Math.max(1, until - from),
                BAR,
                link.validUntil().toString());
        text(
                svg,
                "bar-text",
                Math.min(until + 3, WIDTH - RIGHT - 60),
                y - 2,
                link.validUntil().toString());
        if (!link.renewalsDue().isEmpty()) {
            rect(svg, "bar-renewal", until, y + 3, Math.max(1, axis.x(end) - until), BAR - 6, texts.renewal());
            for (LocalDate due : link.renewalsDue()) {
                double x = axis.x(due.plusDays(1));
                line(svg, "renewal-tick", x, y - 3, y + BAR + 3, null);
                text(svg, "renewal-text", x + 2, y + BAR + 11, texts.renewal());
            }
        }
    }

    private static void years(StringBuilder svg, Axis axis, int height) {
        for (int year = axis.first.getYear() + 1; year <= axis.last.getYear(); year++) {
            double x = axis.x(LocalDate.of(year, 1, 1));
            line(svg, "grid-line", x, TOP - 12, height - 20, null);
            text(svg, "axis-label", x + 2, TOP - 14, String.valueOf(year));
        }
    }

    private static void marker(StringBuilder svg, String cssClass, double x, int height, String tip) {
        line(svg, cssClass, x, TOP - 8, height - 14, tip);
        text(svg, "axis-label " + cssClass + "-label", Math.min(x, WIDTH - RIGHT - 70), height - 2, tip);
    }

    private static void line(StringBuilder svg, String cssClass, double x, double y1, double y2, String tip) {
        element(svg, "line", cssClass, tip == null ? null : title(tip), "x1", x, "x2", x, "y1", y1, "y2", y2);
    }

    private static void rect(StringBuilder svg, String cssClass, double x, double y, double w, double h, String tip) {
        element(svg, "rect", cssClass, title(tip), "x", x, "y", y, "width", Math.max(0, w), "height", h);
    }

    private static void text(StringBuilder svg, String cssClass, double x, double y, String text) {
        element(svg, "text", cssClass, esc(text), "x", x, "y", y);
    }

    /**
     * How each kind of mark looks, inline: the chart's look travels with its markup (the theme's variables
     * with fallbacks), whatever stylesheet the page has.
     */
    private static final Map<String, String> LOOK = Map.of(
            "bar-contract", "fill:var(--lumo-contrast-50pct,#8a8f98)",
            "bar-registered", "fill:var(--status-OK,#2f7d4a)",
            "bar-renewal", "fill:none;stroke:var(--status-EXPIRING,#e3a912);stroke-width:2;stroke-dasharray:5 3",
            "bar-failing", "fill:var(--status-EXPIRED,#c0392b);opacity:0.4",
            "renewal-tick", "stroke:var(--status-EXPIRING,#e3a912);stroke-width:2",
            "today-line", "stroke:var(--lumo-primary-color,#1676f3);stroke-width:1.5",
            "end-line", "stroke:var(--hoshimi-ink,#1e2a3a);stroke-width:1.5;stroke-dasharray:4 3",
            "row-label", "font-size:12px;fill:var(--hoshimi-ink,#1e2a3a)",
            "bar-text", "font-size:11px;fill:var(--hoshimi-ink,#1e2a3a)",
            "renewal-text", "font-size:11px;fill:var(--hoshimi-ink,#1e2a3a)");

    /** One element with a class, coordinates (name, value pairs) and a body (null: none). */
    private static void element(StringBuilder svg, String name, String cssClass, String body, Object... coordinates) {
        svg.append('<').append(name).append(" class=\"").append(cssClass).append('"');
        String look = LOOK.get(cssClass.split(" ")[0]);
        if (look != null) {
            svg.append(" style=\"").append(look).append('"');
        }
        for (int i = 0; i < coordinates.length; i += 2) {
            svg.append(' ')
                    .append(coordinates[i])
                    .append("=\"")
                    .append(n(((Number) coordinates[i + 1]).doubleValue()))
                    .append('"');
        }
        svg.append(body == null ? "/>" : ">" + body + "</" + name + ">");
    }

    private static String title(String tip) {
        return "<title>" + esc(tip) + "</title>";
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** The time axis: from the earliest to the latest date shown, plus a little room, onto the plot's width. */
    private record Axis(LocalDate first, LocalDate last) {

        static Axis of(ContractCoverage coverage, LocalDate today) {
            List<LocalDate> dates = new java.util.ArrayList<>(List.of(today));
            if (coverage.start() != null) {
                dates.add(coverage.start());
            }
            if (coverage.end() != null) {
                dates.add(coverage.end());
            }
            coverage.links().stream()
                    .map(LinkCoverage::validUntil)
                    .filter(java.util.Objects::nonNull)
                    .forEach(dates::add);
            LocalDate first =
                    dates.stream().min(LocalDate::compareTo).orElseThrow().withDayOfMonth(1);
            LocalDate last = dates.stream()
                    .max(LocalDate::compareTo)
                    .orElseThrow()
                    .plusMonths(2)
                    .withDayOfMonth(1);
            if (coverage.end() == null) {
                last = last.plusYears(1); // an open contract runs on past every date shown
            }
            return new Axis(first, last);
        }

        double x(LocalDate date) {
            long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
            double share = (double) ChronoUnit.DAYS.between(first, date) / span;
            return LABEL + (WIDTH - LABEL - RIGHT) * Math.max(0, Math.min(1, share));
        }
    }
}
