package io.jenkins.plugins.dcom.plugin;

import java.util.List;
import java.util.Locale;

/** Draws compliant / non-compliant / failed hosts over builds as a small self-contained SVG. */
final class TrendChart {
    static final int WIDTH = 500;
    static final int HEIGHT = 200;
    private static final int LEFT = 40;
    private static final int BOTTOM = 24;
    private static final int TOP = 30;
    private static final String[] COLORS = {"#1f883d", "#bf8700", "#cf222e"};
    private static final String[] NAMES = {"compliant", "non-compliant", "unreachable or failed"};

    private TrendChart() {
    }

    /** @param points oldest first: build number, compliant, non-compliant, failed */
    static String svg(List<int[]> points) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" font-family=\"sans-serif\" font-size=\"11\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
        int max = 1;
        for (int[] point : points) {
            max = Math.max(max, Math.max(point[1], Math.max(point[2], point[3])));
        }
        axes(svg, max, points);
        for (int series = 0; series < 3; series++) {
            line(svg, points, series, max);
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    private static double x(int index, int count) {
        return count <= 1 ? LEFT + (WIDTH - LEFT - 10) / 2.0 : LEFT + index * (WIDTH - LEFT - 10) / (double) (count - 1);
    }

    private static double y(int value, int max) {
        return HEIGHT - BOTTOM - value * (HEIGHT - BOTTOM - TOP) / (double) max;
    }

    private static void axes(StringBuilder svg, int max, List<int[]> points) {
        svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH - 10)
                .append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#8a94a6\"/>");
        svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(TOP + 4).append("\" text-anchor=\"end\">").append(max)
                .append("</text><text x=\"").append(LEFT - 6).append("\" y=\"").append(HEIGHT - BOTTOM).append("\" text-anchor=\"end\">0</text>");
        for (int i = 0; i < points.size(); i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">#%d</text>",
                    x(i, points.size()), HEIGHT - 8, points.get(i)[0]));
        }
    }

    private static void line(StringBuilder svg, List<int[]> points, int series, int max) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, points.size()), y(points.get(i)[series + 1], max)));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>",
                    x(i, points.size()), y(points.get(i)[series + 1], max), COLORS[series]));
        }
        svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(COLORS[series]).append("\" points=\"")
                .append(path.toString().trim()).append("\"/>");
    }

    private static void legend(StringBuilder svg) {
        for (int series = 0; series < 3; series++) {
            int left = LEFT + 10 + series * 130;
            svg.append("<rect x=\"").append(left).append("\" y=\"6\" width=\"10\" height=\"10\" fill=\"").append(COLORS[series])
                    .append("\"/><text x=\"").append(left + 14).append("\" y=\"15\">").append(NAMES[series]).append("</text>");
        }
    }
}
