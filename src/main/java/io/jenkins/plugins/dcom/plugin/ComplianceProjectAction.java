package io.jenkins.plugins.dcom.plugin;

import hudson.model.Job;
import hudson.model.Run;
import hudson.model.Action;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.servlet.ServletException;
import org.kohsuke.stapler.StaplerRequest;
import org.kohsuke.stapler.StaplerResponse;

/** On the project page: the trend of compliant, non-compliant and unreachable hosts, and the latest report. */
public final class ComplianceProjectAction implements Action {
    private static final int BUILDS = 30;
    /** Builds looked at, newest first, to find them: each one looked at is loaded, so the job page stays bounded. */
    private static final int SCANNED = 100;

    private final Job<?, ?> project;

    public ComplianceProjectAction(Job<?, ?> project) {
        this.project = project;
    }

    @Override
    public String getIconFileName() {
        return null;
    }

    @Override
    public String getDisplayName() {
        return "DCOM compliance trend";
    }

    @Override
    public String getUrlName() {
        return ComplianceBuildAction.URL_NAME;
    }

    public Job<?, ?> getProject() {
        return project;
    }

    /** @return the newest build with a compliance result among the last {@value #SCANNED}, or {@code null} */
    public Run<?, ?> getLastResultBuild() {
        int scanned = 0;
        for (Run<?, ?> build : project.getBuilds()) {
            if (build.getAction(ComplianceBuildAction.class) != null) {
                return build;
            }
            if (++scanned == SCANNED) {
                break;
            }
        }
        return null;
    }

    /**
     * @return oldest first, at most the last 30 builds with a result among the last {@value #SCANNED}: number,
     *         compliant, non-compliant, failed, each the sum over the build's invocations (shards, or several steps)
     */
    public List<int[]> getTrend() {
        List<int[]> points = new ArrayList<int[]>();
        int scanned = 0;
        for (Run<?, ?> build : project.getBuilds()) {
            if (scanned++ == SCANNED) {
                break;
            }
            List<ComplianceBuildAction> results = build.getActions(ComplianceBuildAction.class);
            if (!results.isEmpty()) {
                int[] point = {build.getNumber(), 0, 0, 0};
                for (ComplianceBuildAction result : results) {
                    point[1] += result.getCompliant();
                    point[2] += result.getNonCompliant();
                    point[3] += result.getFailed();
                }
                points.add(point);
                if (points.size() == BUILDS) {
                    break;
                }
            }
        }
        Collections.reverse(points);
        return points;
    }

    /** @return whether there is anything to draw */
    public boolean isTrendAvailable() {
        return getLastResultBuild() != null;
    }

    /** Serves the trend as an SVG image. */
    public void doTrend(StaplerRequest request, StaplerResponse response) throws IOException, ServletException {
        byte[] svg = TrendChart.svg(getTrend()).getBytes(StandardCharsets.UTF_8);
        response.setContentType("image/svg+xml;charset=UTF-8");
        OutputStream out = response.getOutputStream();
        try {
            out.write(svg);
        } finally {
            out.close();
        }
    }
}
