package com.healthcyber.underwriting.console;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as SVG: no script, no chart library, readable with the page's own
 * style sheet, and each mark carries a {@code <title>} with its number for a pointer or a
 * screen reader. Every text put in is escaped here (the SVG goes into the page unescaped).
 */
public final class Charts {

    /** One bar, or one value of a series, with the CSS class that colours it. */
    public record Entry(String label, long value, String css) {}

    /** One series over the periods of a time chart. */
    public record Series(String name, String css, long[] values) {}

    private static final int LABEL_WIDTH = 260;
    private static final int BAR_HEIGHT = 22;

    private Charts() {}

    /** Horizontal bars, one per entry, longest value the full width. */
    static String bars(String title, List<Entry> entries) {
        int width = 760;
        int height = Math.max(1, entries.size()) * (BAR_HEIGHT + 6) + 10;
        long max = Math.max(1, entries.stream().mapToLong(Entry::value).max().orElse(1));
        StringBuilder svg = open(title, width, height);
        int y = 5;
        for (Entry entry : entries) {
            double length = (width - LABEL_WIDTH - 70) * (double) entry.value() / max;
            svg.append(text(LABEL_WIDTH - 8, y + 16, "end", entry.label()));
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %d</title></rect>",
                    escape(entry.css()),
                    LABEL_WIDTH,
                    y,
                    Math.max(1.0, length),
                    BAR_HEIGHT,
                    escape(entry.label()),
                    entry.value()));
            svg.append(text((int) (LABEL_WIDTH + length + 6), y + 16, "start", String.format("%,d", entry.value())));
            y += BAR_HEIGHT + 6;
        }
        return svg.append("</svg>").toString();
    }

    /** Columns over time, one per period, the series stacked in each. */
    static String stacked(String title, List<String> periods, List<Series> series) {
        int width = 1000;
        int height = 300;
        int left = 60;
        int bottom = 40;
        int plot = height - bottom - 10;
        long max = 1;
        for (int i = 0; i < periods.size(); i++) {
            long total = 0;
            for (Series one : series) {
                total += one.values()[i];
            }
            max = Math.max(max, total);
        }
        StringBuilder svg = open(title, width, height);
        axis(svg, left, height - bottom, width, plot, max);
        double slot = (double) (width - left - 10) / Math.max(1, periods.size());
        for (int i = 0; i < periods.size(); i++) {
            double x = left + i * slot + slot * 0.15;
            double base = height - bottom;
            for (Series one : series) {
                double h = plot * (double) one.values()[i] / max;
                if (h > 0) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s %s: %d</title></rect>",
                            escape(one.css()),
                            x,
                            base - h,
                            slot * 0.7,
                            h,
                            escape(periods.get(i)),
                            escape(one.name()),
                            one.values()[i]));
                }
                base -= h;
            }
            periodLabel(svg, periods, i, x + slot * 0.35, height - bottom + 16);
        }
        return svg.append("</svg>").toString();
    }

    /** One line per series over the periods. */
    static String lines(String title, List<String> periods, List<Series> series) {
        int width = 1000;
        int height = 300;
        int left = 60;
        int bottom = 40;
        int plot = height - bottom - 10;
        long max = 1;
        for (Series one : series) {
            for (long value : one.values()) {
                max = Math.max(max, value);
            }
        }
        StringBuilder svg = open(title, width, height);
        axis(svg, left, height - bottom, width, plot, max);
        double slot = (double) (width - left - 10) / Math.max(1, periods.size());
        for (Series one : series) {
            StringBuilder points = new StringBuilder();
            for (int i = 0; i < periods.size(); i++) {
                double x = left + i * slot + slot / 2;
                double y = height - bottom - plot * (double) one.values()[i] / max;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append(String.format(
                    "<polyline class=\"%s\" points=\"%s\"><title>%s</title></polyline>",
                    escape(one.css()), points.toString().strip(), escape(one.name())));
            for (int i = 0; i < periods.size(); i++) {
                double x = left + i * slot + slot / 2;
                double y = height - bottom - plot * (double) one.values()[i] / max;
                svg.append(String.format(
                        Locale.ROOT,
                        "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s %s: %d</title></circle>",
                        escape(one.css()),
                        x,
                        y,
                        escape(periods.get(i)),
                        escape(one.name()),
                        one.values()[i]));
            }
        }
        for (int i = 0; i < periods.size(); i++) {
            periodLabel(svg, periods, i, left + i * slot + slot / 2, height - bottom + 16);
        }
        return svg.append("</svg>").toString();
    }

    private static void periodLabel(StringBuilder svg, List<String> periods, int i, double x, int y) {
        int every = Math.max(1, (int) Math.ceil(periods.size() / 12.0));
        if (i % every == 0) {
            svg.append(text((int) x, y, "middle", periods.get(i)));
        }
    }

    private static void axis(StringBuilder svg, int left, int base, int width, int plot, long max) {
        svg.append(String.format(
                "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", left, base, width - 10, base));
        for (int step = 0; step <= 4; step++) {
            long value = Math.round(max * step / 4.0);
            int y = (int) Math.round(base - plot * step / 4.0);
            svg.append(String.format(
                    "<line class=\"grid\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", left, y, width - 10, y));
            svg.append(text(left - 6, y + 4, "end", String.format("%,d", value)));
        }
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder()
                .append(String.format(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">",
                        width, height, escape(title)))
                .append("<title>")
                .append(escape(title))
                .append("</title>");
    }

    private static String text(int x, int y, String anchor, String content) {
        return String.format("<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(content));
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
