package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's three reports into one directory. */
public final class ReportWriter {
    public static final String JSON = "report.json";
    public static final String JUNIT = "junit.xml";
    public static final String HTML = "index.html";

    private ReportWriter() {
    }

    /** @return the directory written */
    public static Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        JsonReport.write(run, directory.resolve(JSON));
        JUnitReport.write(run, directory.resolve(JUNIT));
        HtmlReport.write(run, directory.resolve(HTML));
        return directory;
    }
}
