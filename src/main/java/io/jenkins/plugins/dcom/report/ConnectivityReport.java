package io.jenkins.plugins.dcom.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.PairOutcome;
import io.jenkins.plugins.dcom.analysis.PairPrediction;
import io.jenkins.plugins.dcom.run.Connectivity;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the console x site-server analysis appears in each report: report.json's {@code connectivity}, the HTML
 * matrix, and the console lines. Reasons quote protocol names the hosts sent, so they are shown as untrusted text.
 */
public final class ConnectivityReport {
    private ConnectivityReport() {
    }

    /** Writes report.json's {@code connectivity: {skipped, before, after}}. */
    static void json(JsonGenerator json, Connectivity connectivity) throws IOException {
        json.writeObjectFieldStart("connectivity");
        json.writeStringField("skipped", connectivity.getBefore().getSkipped());
        matrix(json, "before", connectivity.getBefore());
        if (connectivity.getAfter() == null) {
            json.writeNullField("after");
        } else {
            matrix(json, "after", connectivity.getAfter());
        }
        json.writeEndObject();
    }

    private static void matrix(JsonGenerator json, String field, ConnectivityMatrix matrix) throws IOException {
        json.writeObjectFieldStart(field);
        JsonReport.strings(json, "consoles", matrix.getConsoles());
        JsonReport.strings(json, "servers", matrix.getServers());
        json.writeArrayFieldStart("pairs");
        for (PairPrediction pair : matrix.getPairs()) {
            json.writeStartObject();
            json.writeStringField("console", pair.getConsole());
            json.writeStringField("server", pair.getServer());
            json.writeStringField("outcome", pair.getOutcome().name());
            json.writeStringField("protocol", pair.getProtocol());
            JsonReport.strings(json, "failedAttempts", pair.getFailedAttempts());
            json.writeStringField("reason", pair.getReason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** Draws the matrix (and the one after the run's changes): consoles by row, site servers by column. */
    static void html(StringBuilder html, Connectivity connectivity) {
        html.append("<section class=\"host\" id=\"connectivity\"><h2>Consoles and site servers</h2>");
        if (connectivity.getBefore().getSkipped() != null) {
            html.append("<p>").append(Html.escape(connectivity.getBefore().getSkipped())).append("</p></section>\n");
            return;
        }
        html.append("<p>What DCOM is predicted to do when each console connects to each site server (rules and their "
                + "sources: docs/analysis.md).</p>");
        table(html, "As found", connectivity.getBefore());
        if (connectivity.getAfter() != null) {
            table(html, "Once the new lists are in effect (after the restart)", connectivity.getAfter());
        }
        html.append("</section>\n");
    }

    private static void table(StringBuilder html, String caption, ConnectivityMatrix matrix) {
        html.append("<table class=\"matrix\"><caption>").append(Html.escape(caption)).append("</caption><thead><tr><th>Console</th>");
        for (String server : matrix.getServers()) {
            html.append("<th>").append(Html.escape(server)).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        int i = 0;
        for (String console : matrix.getConsoles()) {
            html.append("<tr><th>").append(Html.escape(console)).append("</th>");
            for (int s = 0; s < matrix.getServers().size(); s++) {
                PairPrediction pair = matrix.getPairs().get(i++);
                html.append("<td class=\"pair ").append(pair.getOutcome().name().toLowerCase(Locale.ROOT)).append("\" title=\"")
                        .append(Html.escape(UntrustedText.line(pair.getReason()))).append("\">")
                        .append(Html.escape(cell(pair))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table>");
    }

    private static String cell(PairPrediction pair) {
        switch (pair.getOutcome()) {
            case CONNECTS:
                return "connects: " + UntrustedText.entry(pair.getProtocol());
            case SLOW:
                return "slow: " + UntrustedText.entry(pair.getProtocol()) + " after " + pair.getFailedAttempts().size() + " failed";
            case FAILS:
                return "fails";
            default:
                return "unknown";
        }
    }

    /** @return console lines: the counts, then one line per pair that fails or is slow, for the matrix given */
    public static String lines(String title, ConnectivityMatrix matrix) {
        if (matrix.getSkipped() != null) {
            return matrix.getSkipped() + System.lineSeparator();
        }
        StringBuilder text = new StringBuilder();
        text.append(title).append(": ").append(matrix.getPairs().size()).append(" console/site-server pairs: ")
                .append(matrix.count(PairOutcome.CONNECTS)).append(" connect, ").append(matrix.count(PairOutcome.SLOW))
                .append(" slow, ").append(matrix.count(PairOutcome.FAILS)).append(" fail, ")
                .append(matrix.count(PairOutcome.UNKNOWN)).append(" unknown").append(System.lineSeparator());
        Set<String> unknown = new LinkedHashSet<>();
        for (PairPrediction pair : matrix.getPairs()) {
            if (pair.getOutcome() == PairOutcome.UNKNOWN) {
                unknown.add(pair.getReason());
            } else if (pair.getOutcome() != PairOutcome.CONNECTS) {
                text.append("  ").append(pair.getConsole()).append(" -> ").append(pair.getServer()).append("  ")
                        .append(pair.getOutcome()).append(": ").append(UntrustedText.line(pair.getReason())).append(System.lineSeparator());
            }
        }
        for (String reason : unknown) {
            text.append("  unknown pairs: ").append(UntrustedText.line(reason)).append(System.lineSeparator());
        }
        return text.toString();
    }
}
