package io.jenkins.plugins.dcom.plugin;

import hudson.model.Run;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;

/**
 * Where one invocation of the step keeps its reports: a folder of the build (whose name is also the URL of its page)
 * and a report folder in the workspace. A build may run the step several times (two steps in a job, or Pipeline
 * {@code parallel} branches each auditing a shard): each invocation reserves a folder of its own by creating it, so two
 * never share one and neither overwrites the other's reports. The first invocation of a build without a shard gets
 * the names builds always had ({@code dcom-compliance}); a shard gets {@code dcom-compliance-shard-2-of-4}; others
 * a number ({@code dcom-compliance-2}).
 */
final class ReportSlot {
    /** The folder, URL and workspace-folder prefix of the first invocation, as builds before 0.3 had them. */
    static final String FIRST = "dcom-compliance";
    private static final int MAX_SLOTS = 1000;

    private final String name;

    private ReportSlot(String name) {
        this.name = name;
    }

    /**
     * Reserves the next free slot of the build, on the controller.
     *
     * @param shard the invocation's shard ({@code N/M}), or blank
     * @throws IOException when no folder can be made in the build's directory
     */
    static ReportSlot reserve(Run<?, ?> run, String shard) throws IOException {
        String wanted = shard == null || shard.trim().isEmpty() ? FIRST
                : FIRST + "-shard-" + shard.trim().replace("/", "-of-").replaceAll("[^A-Za-z0-9-]", "-");
        for (int n = 1; n <= MAX_SLOTS; n++) {
            String candidate = n == 1 ? wanted : wanted + "-" + n;
            try {
                Files.createDirectories(run.getRootDir().toPath());
                Files.createDirectory(new File(run.getRootDir(), candidate).toPath());
                return new ReportSlot(candidate);
            } catch (FileAlreadyExistsException taken) {
                // another invocation of this build has it
            }
        }
        throw new IOException(run.getRootDir() + " already holds " + MAX_SLOTS + " compliance reports");
    }

    /** @return the slot an action of this name has: {@code null} (a build saved before 0.3) is the first */
    static ReportSlot named(String name) {
        return new ReportSlot(name == null ? FIRST : name);
    }

    /** @return the folder's name in the build's directory, also the URL of the invocation's page */
    String name() {
        return name;
    }

    /** @return the name to store in the build's action: {@code null} for the first slot, as builds saved before */
    String stored() {
        return FIRST.equals(name) ? null : name;
    }

    /** @return the folder in the build's directory that keeps this invocation's reports */
    File folder(Run<?, ?> run) {
        return new File(run.getRootDir(), name);
    }

    /** @return the report folder in the workspace, relative to it: {@code dcom-compliance-report} for the first */
    String workspaceFolder() {
        return CliArguments.REPORT_DIR + name.substring(FIRST.length());
    }

    /** @return what the build page calls it: the shard, or the invocation's number */
    String label() {
        return FIRST.equals(name) ? "" : " (" + name.substring(FIRST.length() + 1).replace("-of-", " of ").replace('-', ' ') + ")";
    }
}
