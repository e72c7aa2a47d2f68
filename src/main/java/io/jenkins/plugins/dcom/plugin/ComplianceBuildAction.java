package io.jenkins.plugins.dcom.plugin;

import hudson.model.Action;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
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
 * ({@code index.html}, {@code report.json}, {@code junit.xml}) kept in the build's folder.
 */
public final class ComplianceBuildAction implements Action {
    static final String URL_NAME = "dcom-compliance";
    static final String FOLDER = "dcom-compliance";

    private final List<HostRow> hosts;
    private final String mode;
    private final int exitCode;
    private final String reportDirectory;

    ComplianceBuildAction(List<HostRow> hosts, String mode, int exitCode, File reportDirectory) {
        this.hosts = new ArrayList<HostRow>(hosts);
        this.mode = mode;
        this.exitCode = exitCode;
        this.reportDirectory = reportDirectory.getAbsolutePath();
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
        return count("OK");
    }

    public int getNonCompliant() {
        return count("NON_COMPLIANT");
    }

    /** @return unreachable or failed hosts */
    public int getFailed() {
        return count("FAILED");
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

    /** Serves the run's self-contained HTML report. */
    public void doReport(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        serve(response, "index.html", "text/html;charset=UTF-8");
    }

    /** Serves the run's report.json. */
    public void doJson(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        serve(response, "report.json", "application/json;charset=UTF-8");
    }

    private void serve(StaplerResponse response, String name, String type) throws IOException {
        File file = new File(reportDirectory, name);
        if (!file.isFile()) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        OutputStream out = response.getOutputStream();
        try {
            Files.copy(file.toPath(), out);
        } finally {
            out.close();
        }
    }
}
