package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's reports into one directory: report.json, junit.xml, index.html and its stylesheet. Each file is
 * replaced whole through {@link OutputFiles#replace}, so a link planted at a report's path is never followed.
 */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    public static final String HTML = "index.html";
    public static final String CSS = HtmlReport.STYLESHEET;

    private ReportWriter() {
    }

    /** @return the directory written */
    public static Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        OutputFiles.replace(directory.resolve(JSON), JsonReport.bytes(run));
        OutputFiles.replace(directory.resolve(JUNIT), JUnitReport.bytes(run));
        OutputFiles.replace(directory.resolve(CSS), HtmlReport.stylesheet().getBytes(StandardCharsets.UTF_8));
        OutputFiles.replace(directory.resolve(HTML), HtmlReport.render(run).getBytes(StandardCharsets.UTF_8));
        OutputFiles.replace(directory.resolve(BuildSummary.FILE), summary(run));
        return directory;
    }

    /** @return the build step's summary of the run ({@link BuildSummary}) */
    static byte[] summary(RunResult run) throws IOException {
        BuildSummary.Writer summary = new BuildSummary.Writer();
        for (HostResult host : run.getHosts()) {
            Target target = host.getTarget();
            summary.host(new String[] {target.address(), target.getName(), target.getRole().label(), host.getTransportShown(),
                host.getStatus().name(), host.getStatus().outcome().name(), host.getMessage()},
                    Arrays.asList(host.getBefore(), host.getAfter(), host.diff().lines()));
        }
        return summary.rollout(run.getRolloutLog()).bytes();
    }
}
