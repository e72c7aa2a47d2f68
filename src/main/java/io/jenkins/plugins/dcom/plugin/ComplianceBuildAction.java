package io.jenkins.plugins.dcom.plugin;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.dcom.contract.Outcome;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
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

/**
 * A build's compliance result: counts and a row per host on the build page, and the run's own reports
 * ({@code index.html} with its stylesheet, {@code report.json}, {@code junit.xml}) kept in the build's folder.
 *
 * <p>The reports are found from the build being shown, never from a stored path, so they stay reachable when
 * the job is renamed or moved. They are served as Jenkins serves user content: only regular files of that folder
 * (never through a link), with the Content-Security-Policy Jenkins' {@code DirectoryBrowserSupport} sets, which
 * Hudson 3.3.2 does not, so both servers behave alike.
 */
public class ComplianceBuildAction implements Action {
    static final String URL_NAME = "dcom-compliance";
    static final String FOLDER = "dcom-compliance";
    /** The header Jenkins' DirectoryBrowserSupport sets on workspace and artifact content (its default). */
    static final String CONTENT_SECURITY_POLICY = "sandbox allow-same-origin; default-src 'none'; img-src 'self'; style-src 'self';";

    private final List<HostRow> hosts;
    private final String mode;
    private final int exitCode;
    /** Since 0.2: the rollout's waves and gates; {@code null} in builds saved before. */
    private final List<String> rollout;
    /** Read from builds saved by 0.1, which stored an absolute path; no longer used. */
    @SuppressWarnings("unused")
    private transient String reportDirectory;

    ComplianceBuildAction(List<HostRow> hosts, List<String> rollout, String mode, int exitCode) {
        this.hosts = new ArrayList<HostRow>(hosts);
        this.rollout = new ArrayList<String>(rollout);
        this.mode = mode;
        this.exitCode = exitCode;
    }

    /** @return the folder in the build's own directory where the step keeps the reports */
    static File folder(Run<?, ?> build) {
        return new File(build.getRootDir(), FOLDER);
    }

    @Override
    public String getIconFileName() {
        return "clipboard.png";
    }

    @Override
    public String getDisplayName() {
        return "DCOM compliance";
    }

    @Override
    public String getUrlName() {
        return URL_NAME;
    }

    public List<HostRow> getHosts() {
        return Collections.unmodifiableList(hosts);
    }

    public String getMode() {
        return mode;
    }

    /** @return the staged rollout's waves and gates, in order; empty when the run went all at once */
    public List<String> getRollout() {
        return rollout == null ? Collections.<String>emptyList() : Collections.unmodifiableList(rollout);
    }

    public int getExitCode() {
        return exitCode;
    }

    /** @return hosts by status, in the engine's order of statuses, only those present */
    public Map<String, Integer> getCounts() {
        Map<String, Integer> counts = new LinkedHashMap<String, Integer>();
        for (HostRow host : hosts) {
            Integer count = counts.get(host.getStatus());
            counts.put(host.getStatus(), count == null ? 1 : count + 1);
        }
        return counts;
    }

    public int getCompliant() {
        return count(Outcome.OK.name());
    }

    public int getNonCompliant() {
        return count(Outcome.NON_COMPLIANT.name());
    }

    /** @return unreachable or failed hosts */
    public int getFailed() {
        return count(Outcome.FAILED.name());
    }

    private int count(String outcome) {
        int count = 0;
        for (HostRow host : hosts) {
            if (outcome.equals(host.getOutcome())) {
                count++;
            }
        }
        return count;
    }

    /** Serves the HTML report at {@code report/} and its stylesheet at {@code report/report.css}. */
    public void doReport(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        String rest = request.getRestOfPath();
        if (rest.isEmpty() && !request.getRequestURI().endsWith("/")) {
            response.sendRedirect2("report/"); // so that the page's relative link to its stylesheet resolves
        } else if (rest.isEmpty() || "/".equals(rest) || "/index.html".equals(rest)) {
            serve(request, response, "index.html", "text/html;charset=UTF-8");
        } else if ("/report.css".equals(rest)) {
            serve(request, response, "report.css", "text/css;charset=UTF-8");
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
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
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
