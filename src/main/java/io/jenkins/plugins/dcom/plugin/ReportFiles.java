package io.jenkins.plugins.dcom.plugin;

import hudson.FilePath;
import io.jenkins.plugins.dcom.contract.ReportSet;
import java.io.File;
import java.io.FileFilter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies the command line's reports from the workspace to the build's folder on the controller. The workspace is
 * untrusted (job configurers, committers, agents can put anything there), so only the known report files are
 * copied, and only when they are regular files on the node: a symbolic link (say {@code index.html} pointing to
 * the controller's secrets) is refused and the console says so, and nothing is ever copied as a link.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    /** @return the names copied */
    static List<String> keep(FilePath reports, File kept, PrintStream log) throws IOException, InterruptedException {
        List<String> copied = new ArrayList<String>();
        if (!reports.isDirectory()) {
            return copied;
        }
        List<FilePath> regular = reports.list(new RegularReportFile());
        if (!kept.isDirectory() && !kept.mkdirs()) {
            throw new IOException("cannot create " + kept);
        }
        for (FilePath file : regular) {
            file.copyTo(new FilePath(new File(kept, file.getName())));
            copied.add(file.getName());
        }
        for (String name : ReportSet.FILES) {
            if (!copied.contains(name) && reports.child(name).exists()) {
                log.println("DCOM compliance: not keeping " + reports.getName() + "/" + name
                        + ": it is not a regular file (a link?), and the workspace is not trusted");
            }
        }
        return copied;
    }

    /**
     * Deletes every report file an earlier build left in the folder (a link is deleted, never followed), so that a
     * leftover or committed report is never published as this build's.
     */
    static void clear(FilePath reports) throws IOException, InterruptedException {
        if (!reports.isDirectory()) {
            return;
        }
        for (FilePath file : reports.list(new AnyReportEntry())) {
            file.delete();
        }
    }

    /** Runs on the node: accepts an entry named as a report file that is not a folder (a link to one included). */
    private static final class AnyReportEntry implements FileFilter, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean accept(File file) {
            return ReportSet.isReportFile(file.getName()) && !Files.isDirectory(file.toPath(), LinkOption.NOFOLLOW_LINKS);
        }
    }

    /** Runs on the node: accepts a report file that is a regular file itself, not through a link. */
    private static final class RegularReportFile implements FileFilter, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean accept(File file) {
            return ReportSet.isReportFile(file.getName())
                    && Files.isRegularFile(file.toPath(), LinkOption.NOFOLLOW_LINKS);
        }
    }
}
