package io.jenkins.plugins.dcom.plugin;

import hudson.FilePath;
import hudson.model.Action;
import hudson.model.Api;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Run;
import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.contract.ReportSet;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.servlet.ServletException;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/**
 * A build's compliance result: counts and a row per host on the build page, and the run's own reports
 * ({@code index.html} with its stylesheet, {@code report.json}, {@code junit.xml}) kept in the build's folder.
 *
 * <p>The reports are found from the build being shown, never from a stored path, so they stay reachable when
 * the job is renamed or moved. They are served as Jenkins serves user content: only regular files of that folder
 * (never through a link), with the Content-Security-Policy Jenkins' {@code DirectoryBrowserSupport} sets (the admin's
 * {@value #CSP_PROPERTY} when set), which Hudson 3.3.2 does not, so both servers behave alike.
 */
@ExportedBean(defaultVisibility = 2) // the counts show in the build's api/json, as the JUnit plugin's do
public class ComplianceBuildAction implements Action {
    /** The trend's URL on the project page; the first invocation's page of a build has the same name. */
    static final String URL_NAME = ReportSlot.FIRST;
    /**
     * The property an admin sets to change the policy of served user content (empty for none), read as Jenkins'
     * {@code hudson/model/DirectoryBrowserSupport.java} reads {@code CSP_PROPERTY_NAME} (there through SystemProperties,
     * which also reads the servlet context; here the JVM's system properties).
     */
    static final String CSP_PROPERTY = "hudson.model.DirectoryBrowserSupport.CSP";
    /** The header Jenkins' DirectoryBrowserSupport sets on workspace and artifact content (its default). */
    static final String CONTENT_SECURITY_POLICY = "sandbox allow-same-origin; default-src 'none'; img-src 'self'; style-src 'self';";
    /** Rows build.xml keeps at the most: the rest is read from the report kept with the build when a page asks. */
    static final int KEPT_ROWS = 50;
    /** A symbol of Jenkins core ({@code war/src/main/resources/images/symbols/document-text.svg}). */
    static final String JENKINS_ICON = "symbol-document-text";
    /** An image of Hudson's {@code images/24x24}, which Jenkins would only map to a symbol of its own. */
    static final String HUDSON_ICON = "clipboard.png";

    /** Hosts kept in build.xml: all of them in builds saved before 0.3; since, at most {@value #KEPT_ROWS}, failed first. */
    private final List<HostRow> hosts;
    /** Since 0.3: hosts by status, in the engine's order; {@code null} in builds saved before (counted from the rows). */
    private final LinkedHashMap<String, Integer> counts;
    /** Since 0.3: hosts by outcome ({@code OK}, {@code NON_COMPLIANT}, {@code FAILED}); {@code null} in builds saved before. */
    private final LinkedHashMap<String, Integer> outcomes;
    /** Since 0.3: how many hosts the run had; {@code null} in builds saved before. */
    private final Integer total;
    /** The full table, read from the kept summary when a page asks, and let go when memory is short. */
    private transient SoftReference<List<HostRow>> table;
    private final String mode;
    private final int exitCode;
    /** Since 0.2: the rollout's waves and gates; {@code null} in builds saved before. */
    private final List<String> rollout;
    /** Since 0.3: the invocation's {@link ReportSlot}; {@code null} for the first, and in builds saved before. */
    private final String slot;
    /** Read from builds saved by 0.1, which stored an absolute path; no longer used. */
    @SuppressWarnings("unused")
    private transient String reportDirectory;

    ComplianceBuildAction(List<HostRow> hosts, List<String> rollout, String mode, int exitCode, ReportSlot slot) {
        this.slot = slot.stored();
        this.counts = tally(hosts, false);
        this.outcomes = tally(hosts, true);
        this.total = hosts.size();
        this.hosts = kept(hosts);
        this.rollout = new ArrayList<String>(rollout);
        this.mode = mode;
        this.exitCode = exitCode;
    }

    /** @return the folder in the build's own directory where this invocation's reports are kept */
    File folder(Run<?, ?> build) {
        return ReportSlot.named(slot).folder(build);
    }

    @Override
    public String getIconFileName() {
        return Server.isJenkins() ? JENKINS_ICON : HUDSON_ICON;
    }

    @Override
    public String getDisplayName() {
        return "DCOM compliance" + ReportSlot.named(slot).label();
    }

    @Override
    public String getUrlName() {
        return ReportSlot.named(slot).name();
    }

    /** @return the rows kept in build.xml: every host of a run of up to {@value #KEPT_ROWS}, else failed ones first */
    @Exported(visibility = 1) // in the action's own api/json, not in the build's
    public List<HostRow> getHosts() {
        return Collections.unmodifiableList(hosts);
    }

    /** @return how many hosts the run had */
    /** @return the remote API of this result: {@code .../dcom-compliance/api/json}, with the kept rows */
    public Api getApi() {
        return new Api(this);
    }

    @Exported
    public int getTotal() {
        return total == null ? hosts.size() : total;
    }

    /**
     * @return every host of the run, for the page the request shows: read from the summary kept with the build (once,
     *         then held while memory allows), or the kept rows where that file is gone
     */
    public List<HostRow> rowsFor(StaplerRequest request) {
        List<HostRow> rows = table == null ? null : table.get();
        if (rows != null) {
            return rows;
        }
        Run<?, ?> build = request.findAncestorObject(Run.class);
        File summary = build == null ? null : new File(folder(build), BuildSummary.FILE);
        try {
            rows = summary != null && summary.isFile() ? ReportReader.hosts(ReportReader.read(summary)) : getHosts();
        } catch (IOException unreadable) {
            rows = getHosts();
        }
        table = new SoftReference<List<HostRow>>(rows);
        return rows;
    }

    /** @return the build whose page shows this action, for its side panel */
    public Run<?, ?> buildOf(StaplerRequest request) {
        return request.findAncestorObject(Run.class);
    }

    /** @return the rows build.xml keeps: all of a small run; of a large one, failed hosts first, then non-compliant */
    private static List<HostRow> kept(List<HostRow> hosts) {
        if (hosts.size() <= KEPT_ROWS) {
            return new ArrayList<HostRow>(hosts);
        }
        List<HostRow> kept = new ArrayList<HostRow>();
        for (Outcome outcome : new Outcome[] {Outcome.FAILED, Outcome.NON_COMPLIANT, Outcome.OK}) {
            for (HostRow host : hosts) {
                if (kept.size() < KEPT_ROWS && outcome.name().equals(host.getOutcome())) {
                    kept.add(host);
                }
            }
        }
        return kept;
    }

    /** @return hosts by status (or by outcome), in the order they first appear */
    private static LinkedHashMap<String, Integer> tally(List<HostRow> hosts, boolean byOutcome) {
        LinkedHashMap<String, Integer> counts = new LinkedHashMap<String, Integer>();
        for (HostRow host : hosts) {
            String key = byOutcome ? host.getOutcome() : host.getStatus();
            Integer count = counts.get(key);
            counts.put(key, count == null ? 1 : count + 1);
        }
        return counts;
    }

    @Exported
    public String getMode() {
        return mode;
    }

    /** @return the staged rollout's waves and gates, in order; empty when the run went all at once */
    @Exported
    public List<String> getRollout() {
        return rollout == null ? Collections.<String>emptyList() : Collections.unmodifiableList(rollout);
    }

    @Exported
    public int getExitCode() {
        return exitCode;
    }

    /** @return hosts by status, in the order the run listed them, only those present */
    @Exported
    public Map<String, Integer> getCounts() {
        return Collections.unmodifiableMap(counts == null ? tally(hosts, false) : counts);
    }

    @Exported
    public int getCompliant() {
        return count(Outcome.OK.name());
    }

    @Exported
    public int getNonCompliant() {
        return count(Outcome.NON_COMPLIANT.name());
    }

    /** @return unreachable or failed hosts */
    @Exported
    public int getFailed() {
        return count(Outcome.FAILED.name());
    }

    private int count(String outcome) {
        Integer count = (outcomes == null ? tally(hosts, true) : outcomes).get(outcome);
        return count == null ? 0 : count;
    }

    /**
     * Serves the HTML report at {@code report/}, its further pages and its stylesheet at {@code report/report.css}. In Jenkins through its
     * {@code DirectoryBrowserSupport}, as it serves workspaces and artifacts: with the administrator's Content Security
     * Policy and, where a Resource Root URL is set, from that other domain ({@code hudson/model/DirectoryBrowserSupport.java},
     * {@code generateResponse}). Hudson's has neither, so there the action serves the files itself with the same policy.
     */
    public void doReport(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        if (Server.isJenkins()) {
            Run<?, ?> build = request.findAncestorObject(Run.class);
            if (build == null) {
                response.sendError(404);
                return;
            }
            DirectoryBrowserSupport files = new DirectoryBrowserSupport(build, new FilePath(folder(build)), getDisplayName(),
                    null, false);
            files.setIndexFileName("index.html");
            files.generateResponse(request, response, this);
            return;
        }
        String rest = request.getRestOfPath();
        if (rest.isEmpty() && !request.getRequestURI().endsWith("/")) {
            response.sendRedirect2("report/"); // so that the page's relative link to its stylesheet resolves
        } else if (rest.isEmpty() || "/".equals(rest) || "/index.html".equals(rest)) {
            serve(request, response, "index.html", "text/html;charset=UTF-8");
        } else if ("/report.css".equals(rest)) {
            serve(request, response, "report.css", "text/css;charset=UTF-8");
        } else if (rest.startsWith("/") && ReportSet.isReportFile(rest.substring(1)) && rest.endsWith(".html")) {
            serve(request, response, rest.substring(1), "text/html;charset=UTF-8"); // a further page of the report
        } else {
            response.sendError(404);
        }
    }

    /** Serves the run's report.json. */
    public void doJson(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        serve(request, response, "report.json", "application/json;charset=UTF-8");
    }

    private void serve(StaplerRequest request, StaplerResponse response, String name, String type) throws IOException {
        Run<?, ?> build = request.findAncestorObject(Run.class);
        Path file = build == null ? null : folder(build).toPath().resolve(name);
        if (file == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            response.sendError(404);
            return;
        }
        String csp = System.getProperty(CSP_PROPERTY, CONTENT_SECURITY_POLICY);
        if (!csp.trim().isEmpty()) { // an admin who set the property empty asked for no policy, as Jenkins reads it
            for (String header : new String[] {"Content-Security-Policy", "X-WebKit-CSP", "X-Content-Security-Policy"}) {
                response.setHeader(header, csp);
            }
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(type);
        OutputStream out = response.getOutputStream();
        try {
            Files.copy(file, out);
        } finally {
            out.close();
        }
    }
}
