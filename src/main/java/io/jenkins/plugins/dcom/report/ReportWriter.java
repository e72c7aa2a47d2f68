package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        return directory;
    }
}
