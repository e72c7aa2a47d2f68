package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.plan.PositionChange;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.OutputFiles;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code index.html} and, past {@link #PAGE_SIZE} hosts, further pages, with their stylesheet beside them (no inline
 * style, no script, no external resource, so they render under Jenkins' Content-Security-Policy for user content): the
 * run, the counts by status, an overview table, then one table per host with before, after, diff and status; the hosts
 * that need attention first.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    /** The stylesheet beside {@code index.html}: a CI server's Content-Security-Policy blocks inline styles. */
    public static final String STYLESHEET = ReportSet.CSS;

    /** @return the content of {@link #STYLESHEET} */
    public static String stylesheet() {
        return CSS;
    }

    /** @return the whole report of a run that holds its hosts, as one page whatever its size */
    public static String render(RunResult run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.withSpool(run, null, spool -> page(run, spool, spool.attentionFirst(), 1, 1, out));
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * Writes the report as pages of at most {@link #PAGE_SIZE} hosts each: {@code index.html} with the run, the counts,
     * what was passed over, the rollout and the connectivity analysis, then the hosts that failed, then the
     * non-compliant, then the compliant ones, each group in inventory order; the hosts that do not fit go on further
     * pages ({@link ReportSet#htmlPage}), linked from every page. No script: the report's CSP allows none. Each page is
     * written as it is made, its hosts read from the spool one at a time.
     *
     * @param sink where each page goes, by its file name
     * @return the names of the pages written
     */
    static List<String> write(RunResult run, ReportSpool spool, PageSink sink) throws IOException {
        int[] ordered = spool.attentionFirst();
        int pages = Math.max(1, (ordered.length + PAGE_SIZE - 1) / PAGE_SIZE);
        List<String> names = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            int[] slots = Arrays.copyOfRange(ordered, (page - 1) * PAGE_SIZE, Math.min(ordered.length, page * PAGE_SIZE));
            int number = page;
            String name = ReportSet.htmlPage(page);
            sink.write(name, out -> page(run, spool, slots, number, pages, out));
            names.add(name);
        }
        return names;
    }

    /** Where {@link #write} puts each page. */
    @FunctionalInterface
    interface PageSink {
        void write(String name, OutputFiles.Content page) throws IOException;
    }

    /** Hosts per page: a page a browser opens at once. */
    public static final int PAGE_SIZE = 200;

    private static void page(RunResult run, ReportSpool spool, int[] slots, int page, int pages, OutputStream out)
            throws IOException {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>DCOM protocol compliance: ").append(Html.escape(run.getPolicy()))
                .append(pages > 1 ? " (page " + page + " of " + pages + ")" : "").append("</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(STYLESHEET).append("\"></head><body>\n");
        header(run, html);
        counts(run, html);
        if (page == 1) {
            rollout(run, html);
            ConnectivityReport.html(html, run.connectivity());
        }
        navigation(page, pages, slots.length, html);
        html.append("<table class=\"overview\"><thead><tr><th>Host</th><th>Role</th><th>Transport</th><th>Status</th>")
                .append("<th>First before</th><th>First after</th><th>What happened</th></tr></thead><tbody>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
        for (int slot : slots) {
            out.write(spool.part(slot, ReportSpool.Part.ROW));
        }
        out.write("</tbody></table>\n".getBytes(StandardCharsets.UTF_8));
        for (int slot : slots) {
            out.write(spool.part(slot, ReportSpool.Part.SECTION));
        }
        html.setLength(0);
        navigation(page, pages, slots.length, html);
        html.append("<footer>").append(Html.escape(ToolVersion.NAME)).append(' ').append(Html.escape(ToolVersion.get()))
                .append(" &middot; report.json and junit.xml hold the same results</footer>\n</body></html>\n");
        out.write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Links to every page when there is more than one: hosts that need attention come first. */
    private static void navigation(int page, int pages, int shown, StringBuilder html) {
        if (pages == 1) {
            return;
        }
        html.append("<nav class=\"pages\"><p>Page ").append(page).append(" of ").append(pages).append(" (")
                .append(shown).append(" hosts; failed hosts first, then non-compliant, then compliant):");
        for (int other = 1; other <= pages; other++) {
            html.append(' ');
            if (other == page) {
                html.append("<b>").append(other).append("</b>");
            } else {
                html.append("<a href=\"").append(ReportSet.htmlPage(other)).append("\">").append(other).append("</a>");
            }
        }
        html.append("</p></nav>\n");
    }

    private static void header(RunResult run, StringBuilder html) {
        String mode = run.getMode().name().toLowerCase(Locale.ROOT) + (run.isDryRun() ? " (dry run)" : "")
                + (run.isRestart() ? " with restart" : "");
        html.append("<header><h1>DCOM protocol compliance</h1><p class=\"meta\">")
                .append("Policy <b>").append(Html.escape(run.getPolicy())).append("</b> &middot; ")
                .append(Html.escape(mode)).append(" &middot; run ").append(Html.escape(run.getRunId()))
                .append(" &middot; ").append(Html.escape(seconds(run.getStarted()))).append(" &ndash; ")
                .append(Html.escape(seconds(run.getFinished()))).append(" &middot; exit code ").append(run.exitCode())
                .append("</p></header>\n");
    }

    private static String seconds(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void counts(RunResult run, StringBuilder html) {
        html.append("<section class=\"counts\">");
        html.append("<div class=\"count total\"><span>").append(run.hostCount()).append("</span>hosts</div>");
        for (Map.Entry<HostStatus, Integer> count : run.counts().entrySet()) {
            if (count.getValue() > 0) {
                html.append("<div class=\"count ").append(cssClass(count.getKey())).append("\"><span>")
                        .append(count.getValue()).append("</span>").append(Html.escape(label(count.getKey()))).append("</div>");
            }
        }
        html.append("</section>\n");
    }

    /** @return the host's row of the overview table, UTF-8 */
    static byte[] row(HostResult host) {
        StringBuilder html = new StringBuilder(512);
        html.append("<tr><td><a href=\"#").append(anchor(host)).append("\">").append(Html.escape(host.getTarget().label()))
                .append("</a></td><td>").append(Html.escape(host.getTarget().getRole().label())).append("</td><td>")
                .append(Html.escape(host.getTransportShown())).append("</td><td>").append(badge(host.getStatus()))
                .append("</td><td><code>").append(Html.escape(first(host.getBefore()))).append("</code></td><td><code>")
                .append(Html.escape(first(host.getAfter()))).append("</code></td><td>")
                .append(Html.escape(host.getMessage())).append("</td></tr>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The waves of a staged remediation and their gates, as the console printed them; and what the run passed over. */
    private static void rollout(RunResult run, StringBuilder html) {
        lines(html, "rollout", "Rollout", run.getRolloutLog());
        lines(html, "warnings", "Passed over", run.getWarnings());
    }

    private static void lines(StringBuilder html, String id, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<section class=\"host\" id=\"").append(id).append("\"><h2>").append(title).append("</h2><ul>");
        for (String line : lines) {
            html.append("<li>").append(Html.escape(UntrustedText.line(line))).append("</li>");
        }
        html.append("</ul></section>\n");
    }

    /** @return the host's section: what was read, planned and written, the findings, every check, UTF-8 */
    static byte[] section(HostResult host) {
        StringBuilder html = new StringBuilder(2048);
        host(host, html);
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void host(HostResult host, StringBuilder html) {
        html.append("<section class=\"host\" id=\"").append(anchor(host)).append("\"><h2>")
                .append(Html.escape(host.getTarget().label())).append(' ').append(badge(host.getStatus())).append("</h2>")
                .append("<p>").append(Html.escape(host.getMessage())).append("</p>");
        if (host.getWindowsVersion() != null || host.getWindowsRelease() != null) {
            html.append("<p class=\"meta\">Windows ").append(Html.escape(host.getWindowsVersion() == null ? "" : UntrustedText.line(host.getWindowsVersion())))
                    .append(host.getWindowsRelease() == null ? "" : " &middot; " + Html.escape(host.getWindowsRelease())).append("</p>");
        }
        positions(host, html);
        diff(host, html);
        findings(host.getFindings(), html);
        checks(host.getChecks(), html);
        html.append("<p class=\"meta\">Timings: ");
        for (Map.Entry<String, Long> phase : host.getPhaseMillis().entrySet()) {
            html.append(Html.escape(phase.getKey())).append(' ').append(phase.getValue()).append(" ms &nbsp; ");
        }
        if (host.getBackupFile() != null) {
            html.append("&middot; backup <code>").append(Html.escape(host.getBackupFile())).append("</code>");
        }
        html.append("</p></section>\n");
    }

    private static void positions(HostResult host, StringBuilder html) {
        List<String> before = orEmpty(host.getBefore());
        List<String> after = orEmpty(host.getAfter());
        List<String> planned = host.getPlanned() != null && host.getPlanned().equals(host.getAfter()) ? null : host.getPlanned();
        int rows = Math.max(before.size(), Math.max(after.size(), planned == null ? 0 : planned.size()));
        if (rows == 0) {
            html.append("<p class=\"meta\">The protocol list could not be read.</p>");
            return;
        }
        html.append("<table class=\"positions\"><thead><tr><th>#</th><th>Before</th><th>After</th>");
        html.append(planned == null ? "" : "<th>Planned</th>").append("</tr></thead><tbody>");
        for (int i = 0; i < rows; i++) {
            String b = cell(before, i);
            String a = cell(after, i);
            html.append("<tr><td>").append(i + 1).append("</td><td><code>").append(Html.escape(b))
                    .append("</code></td><td").append(a.equals(b) ? "" : " class=\"changed\"").append("><code>")
                    .append(Html.escape(a)).append("</code></td>");
            if (planned != null) {
                html.append("<td><code>").append(Html.escape(cell(planned, i))).append("</code></td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static void diff(HostResult host, StringBuilder html) {
        List<PositionChange> changes = host.diff().getChanges();
        if (changes.isEmpty()) {
            return;
        }
        html.append("<p><b>Diff:</b> ");
        for (PositionChange change : changes) {
            html.append("<code class=\"change\">").append(Html.escape(change)).append("</code> ");
        }
        html.append("</p>");
    }

    private static void findings(List<Finding> findings, StringBuilder html) {
        if (findings.isEmpty()) {
            return;
        }
        html.append("<ul class=\"findings\">");
        for (Finding finding : findings) {
            html.append("<li class=\"").append(finding.isError() ? "error" : "warning").append("\"><b>")
                    .append(finding.getSeverity()).append("</b> ").append(Html.escape(finding.getMessage())).append("</li>");
        }
        html.append("</ul>");
    }

    /** Every rule the policy ran on the host's list, passing ones too: the evidence an auditor reads. */
    private static void checks(List<Check> checks, StringBuilder html) {
        if (checks.isEmpty()) {
            return;
        }
        html.append("<details class=\"checks\"><summary>Checks of the policy (").append(checks.size()).append(")</summary><ul>");
        for (Check check : checks) {
            html.append("<li class=\"").append(check.getResult().name().toLowerCase(Locale.ROOT)).append("\"><b>")
                    .append(check.getResult()).append("</b> ").append(Html.escape(check.getRule())).append(": ")
                    .append(Html.escape(check.getDetail())).append("</li>");
        }
        html.append("</ul></details>");
    }

    private static String badge(HostStatus status) {
        return "<span class=\"badge " + cssClass(status) + "\">" + Html.escape(label(status)) + "</span>";
    }

    private static String label(HostStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String cssClass(HostStatus status) {
        return status.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String anchor(HostResult host) {
        return "host-" + host.getTarget().fileKey();
    }

    private static String first(List<String> list) {
        return list == null ? "unknown" : list.isEmpty() ? "(empty)" : UntrustedText.entry(list.get(0));
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? Collections.<String>emptyList() : list;
    }

    /** @return the entry as {@link UntrustedText#entry(String)} shows it, or "" past the end */
    private static String cell(List<String> list, int index) {
        return index < list.size() ? UntrustedText.entry(list.get(index)) : "";
    }

    private static final String CSS = "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0 auto;"
            + "max-width:1100px;padding:24px;color:#1d2330;background:#f6f7f9}h1{margin:0 0 4px;font-size:24px}"
            + "h2{font-size:17px;margin:0 0 8px;display:flex;gap:10px;align-items:center}.meta{color:#5b6475;font-size:13px}"
            + ".counts{display:flex;flex-wrap:wrap;gap:10px;margin:18px 0}.count{background:#fff;border-radius:8px;"
            + "padding:10px 16px;min-width:90px;box-shadow:0 1px 2px rgba(0,0,0,.08);border-top:4px solid #8a94a6}"
            + ".count span{display:block;font-size:26px;font-weight:600}.count.ok{border-color:#1f883d}"
            + ".count.non-compliant{border-color:#bf8700}.count.failed{border-color:#cf222e}"
            + "table{border-collapse:collapse;width:100%;background:#fff;border-radius:8px;overflow:hidden;"
            + "box-shadow:0 1px 2px rgba(0,0,0,.08);margin:8px 0}th,td{text-align:left;padding:6px 10px;"
            + "border-bottom:1px solid #e6e8eb;vertical-align:top}th{background:#eef0f3;font-weight:600}"
            + "table.positions{width:auto;min-width:420px}td.changed{background:#fff4d6}"
            + ".host{background:#fff;border-radius:8px;padding:14px 18px;margin:16px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
            + ".badge{font-size:12px;border-radius:10px;padding:2px 9px;color:#fff;white-space:nowrap}"
            + ".badge.ok{background:#1f883d}.badge.non-compliant{background:#bf8700}.badge.failed{background:#cf222e}"
            + "code{font:12.5px ui-monospace,SFMono-Regular,Consolas,monospace}.change{background:#eef0f3;"
            + "padding:1px 6px;border-radius:4px}.findings li.error{color:#a40e26}.findings li.warning{color:#7d5a00}"
            + ".checks li.pass{color:#116329}.checks li.fail{color:#a40e26}.checks li.warn{color:#7d5a00}"
            + "footer{color:#8a94a6;font-size:12px;margin-top:24px}a{color:#0969da;text-decoration:none}"
            + "table.matrix{margin:8px 0 14px}table.matrix caption{text-align:left;font-weight:600;padding:4px 0}"
            + "td.pair{color:#fff;font-size:12px}td.pair.connects{background:#1f883d}td.pair.slow{background:#bf8700}"
            + "td.pair.fails{background:#cf222e}td.pair.unknown{background:#8a94a6}"
            + "nav.pages{background:#fff;border-radius:8px;padding:4px 18px;margin:12px 0;box-shadow:0 1px 2px rgba(0,0,0,.08)}";
}
