package io.jenkins.plugins.dcom.report;

import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.OutputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes a run's reports into one directory: report.json, junit.xml, index.html and its stylesheet, and the build
 * step's summary. Each file is replaced whole through {@link OutputFiles#replace}, so a link planted at a report's path
 * is never followed; the set is written whole or not at all ({@link #write}).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Writes the run's report set whole or not at all. The set of an earlier run in the folder goes first, so it is never
     * taken for this run's; report.json, which readers take as the sign of a finished run, is written last; and when any
     * file cannot be written (a full disk), the files this call wrote go again, so a reader finds no report rather
     * than half of one.
     *
     * @return the directory written
     * @throws IOException when the set could not be written; the folder then holds none of it
     */
    public static Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        removeSet(directory);
        try {
            OutputFiles.replace(directory.resolve(ReportSet.CSS), HtmlReport.stylesheet().getBytes(StandardCharsets.UTF_8));
            HtmlReport.write(run, (name, page) -> OutputFiles.replace(directory.resolve(name), page));
            OutputFiles.replace(directory.resolve(ReportSet.JUNIT), out -> JUnitReport.write(run, out));
            OutputFiles.replace(directory.resolve(BuildSummary.FILE), out -> summary(run, out));
            OutputFiles.replace(directory.resolve(ReportSet.JSON), out -> JsonReport.write(run, out));
        } catch (IOException | RuntimeException e) {
            removeSet(directory);
            throw e;
        }
        return directory;
    }

    /**
     * Deletes every file of a report set from the folder, further pages of the HTML included: files and links (a link is removed, never followed); a folder
     * found at a report's name is left, and writing that report then fails.
     */
    private static void removeSet(Path directory) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
                entry -> ReportSet.isReportFile(entry.getFileName().toString()))) {
            for (Path file : entries) {
                if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Writes the build step's summary of the run ({@link BuildSummary}). */
    static void summary(RunResult run, OutputStream out) throws IOException {
        BuildSummary.Writer summary = new BuildSummary.Writer(out);
        for (HostResult host : run.getHosts()) {
            Target target = host.getTarget();
            summary.host(new String[] {target.address(), target.getName(), target.getRole().label(), host.getTransportShown(),
                host.getStatus().name(), host.getStatus().outcome().name(), host.getMessage()},
                    Arrays.asList(host.getBefore(), host.getAfter(), host.diff().lines()));
        }
        summary.finish(run.getRolloutLog());
    }
}
