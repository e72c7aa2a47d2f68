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
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
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
     * Writes the report set of a run that holds its hosts ({@link RunResult#getHosts()}), whole or not at all, as
     * {@link #write(RunResult, Path, ReportSpool)} does.
     *
     * @return the directory written
     * @throws IOException when the set could not be written; the folder then holds none of it
     */
    public static Path write(RunResult run, Path directory) throws IOException {
        Files.createDirectories(directory);
        withSpool(run, directory, spool -> write(run, directory, spool));
        return directory;
    }

    /**
     * Writes the run's report set whole or not at all, its hosts read from the spool one at a time in inventory order.
     * The set of an earlier run in the folder goes first, so it is never taken for this run's; report.json, which
     * readers take as the sign of a finished run, is written last; and when any file cannot be written (a full disk),
     * or the spool could not keep every host, the files this call wrote go again, so a reader finds no report rather
     * than half of one.
     *
     * @throws IOException when the set could not be written; the folder then holds none of it
     */
    public static void write(RunResult run, Path directory, ReportSpool spool) throws IOException {
        removeSet(directory);
        try {
            spool.check();
            OutputFiles.replace(directory.resolve(ReportSet.CSS), HtmlReport.stylesheet().getBytes(StandardCharsets.UTF_8));
            HtmlReport.write(run, spool, (name, page) -> OutputFiles.replace(directory.resolve(name), page));
            OutputFiles.replace(directory.resolve(ReportSet.JUNIT), out -> JUnitReport.write(run, spool, out));
            OutputFiles.replace(directory.resolve(BuildSummary.FILE), out -> summary(run, spool, out));
            OutputFiles.replace(directory.resolve(ReportSet.JSON), out -> JsonReport.write(run, spool, out));
        } catch (IOException | RuntimeException e) {
            removeSet(directory);
            throw e;
        }
    }

    /** What is done with a spool of a run's hosts. */
    @FunctionalInterface
    interface SpoolUser {
        void use(ReportSpool spool) throws IOException;
    }

    /**
     * Runs {@code user} with a spool of the hosts of a run that holds them, made in {@code directory} (the system's
     * temporary folder when {@code null}) and deleted after.
     */
    static void withSpool(RunResult run, Path directory, SpoolUser user) throws IOException {
        List<Target> targets = new ArrayList<>();
        run.getHosts().forEach(host -> targets.add(host.getTarget()));
        Path folder = directory != null ? directory : Paths.get(System.getProperty("java.io.tmpdir"));
        try (ReportSpool spool = ReportSpool.open(folder, targets, run.getPolicy())) {
            for (int slot = 0; slot < run.getHosts().size(); slot++) {
                spool.add(slot, run.getHosts().get(slot));
            }
            user.use(spool);
        }
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

    /** Writes the build step's summary of the run ({@link BuildSummary}), its hosts read from the spool. */
    private static void summary(RunResult run, ReportSpool spool, OutputStream out) throws IOException {
        out.write(BuildSummary.header());
        for (int slot = 0; slot < spool.size(); slot++) {
            out.write(spool.part(slot, ReportSpool.Part.SUMMARY));
        }
        out.write(BuildSummary.footer(spool.size(), run.getRolloutLog()));
    }

    /** @return a host's entries of the build step's summary, numbered by its place in the run (from 1) */
    static byte[] summary(int number, HostResult host) throws IOException {
        Target target = host.getTarget();
        return BuildSummary.host(number, new String[] {target.address(), target.getName(), target.getRole().label(),
            host.getTransportShown(), host.getStatus().name(), host.getStatus().outcome().name(), host.getMessage()},
                Arrays.asList(host.getBefore(), host.getAfter(), host.diff().lines()));
    }
}
