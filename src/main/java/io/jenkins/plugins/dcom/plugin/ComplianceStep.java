package io.jenkins.plugins.dcom.plugin;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.policy.Presets;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the build step, for the freestyle builder and the Pipeline step alike: writes the form's inventory and
 * policy into the workspace, installs and runs the command-line jar as a child process on the build's node (the
 * password in its environment only), keeps the reports with the build and adds the result to the build page. The
 * caller turns the exit code into the build result, as its kind of job expects.
 */
final class ComplianceStep {
    /**
     * How the child JVM starts: the client tier of the JIT only (a run is seconds long, the optimising compiler's work
     * would not pay back), the serial collector and a heap that starts small and gives back what it frees (memory grows
     * with the hosts at once, not with a heap sized for a server), smaller thread stacks. No heap cap: a large fleet's
     * reports must never fail for want of one. Measured with src/bench/cold-start.sh (docs/benchmark.md): against
     * the defaults, CPU -45 % and peak RSS -50 % for 100 hosts. The class-data archive's options follow
     * ({@link ClassDataArchive}).
     */
    static final List<String> CHILD_JVM_OPTIONS = Collections.unmodifiableList(Arrays.asList("-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xss512k", "-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30"));
    /** The exit code when the command line could not be started (the console says why). */
    static final int NOT_RUN = ExitCodes.USAGE;

    private final StepOptions options;
    private final WindowsAccount account;
    private final Run<?, ?> run;
    private final Launcher launcher;
    private final TaskListener listener;
    private List<HostRow> hosts;
    private List<String> rollout;
    private ReportSlot slot;
    /** This run's folder for the inputs written from the form, or {@code null} before the first. */
    private FilePath inputs;

    ComplianceStep(StepOptions options, WindowsAccount account, Run<?, ?> run, Launcher launcher, TaskListener listener) {
        this.options = options;
        this.account = account;
        this.run = run;
        this.launcher = launcher;
        this.listener = listener;
    }

    /**
     * @param workspace   the build's workspace on its node
     * @param toolFolder  a folder on the node for the command-line jar
     * @param java        the java executable on the node
     * @param environment the build's environment: expanded in the options' text, handed to the child with the password
     * @return the command line's exit code, or {@link #NOT_RUN}
     */
    int run(FilePath workspace, FilePath toolFolder, String java, EnvVars environment) throws IOException, InterruptedException {
        try {
            return runWithInputs(workspace, toolFolder, java, environment);
        } finally {
            if (inputs != null) {
                inputs.deleteRecursive();
            }
        }
    }

    private int runWithInputs(FilePath workspace, FilePath toolFolder, String java, EnvVars environment)
            throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        List<String> arguments;
        try {
            arguments = options.arguments(environment, account.user());
        } catch (IllegalArgumentException e) {
            log.println("DCOM compliance: rollout: " + e.getMessage());
            return NOT_RUN;
        }
        String inventory = inventory(workspace, toolFolder, environment);
        if (inventory == null) {
            return NOT_RUN;
        }
        slot = ReportSlot.reserve(run, environment.expand(options.getShard()));
        FilePath reports = workspace.child(slot.workspaceFolder());
        ReportFiles.clear(reports);
        String node = environment.get("NODE_NAME"); // the build's node, as both servers name it in the environment
        FilePath jar = CliJar.installIn(toolFolder, CliJar.bundled(), node == null ? "" : node);
        ClassDataArchive archive = ClassDataArchive.forRun(jar, java, node == null ? "" : node, launcher);
        List<String> command = new ArrayList<String>();
        command.add(java);
        command.addAll(CHILD_JVM_OPTIONS);
        command.addAll(archive.jvmOptions());
        command.add("-jar");
        command.add(jar.getRemote());
        command.addAll(CliArguments.of(arguments, inventory, policy(toolFolder, environment), slot.workspaceFolder()));
        log.println("DCOM compliance: " + options.getStepMode().getLabel());
        MaskedLog output = new MaskedLog(log, account.password());
        int exit;
        try {
            exit = launcher.launch().cmds(command).envs(childEnvironment(environment)).stdout(output).pwd(workspace).join();
        } catch (IOException notRun) {
            log.println("DCOM compliance: running the command line with " + java + " failed (" + notRun.getMessage()
                    + "); the node needs Java 8 or later: give the job a JDK (it sets JAVA_HOME) or put java on the node's PATH");
            return NOT_RUN;
        } finally {
            output.close();
        }
        archive.afterRun();
        BuildSummary.Summary summary = keep(reports, slot.folder(run));
        hosts = summary == null ? null : ReportReader.hosts(summary);
        rollout = summary == null ? null : summary.rollout();
        return exit;
    }

    /**
     * @param environment the build's environment: a job's JDK installation sets {@code JAVA_HOME} in it (Hudson's and
     *                    Jenkins' {@code AbstractBuild.getEnvironment}, Pipeline's {@code tool}/{@code withEnv})
     * @return the java of {@code JAVA_HOME} when the environment sets it, else {@code java} on the node's PATH
     */
    static String java(EnvVars environment, Launcher launcher) {
        String home = environment.get("JAVA_HOME");
        String executable = launcher.isUnix() ? "java" : "java.exe";
        if (home == null || home.isEmpty()) {
            return executable;
        }
        return home + (launcher.isUnix() ? "/bin/" : "\\bin\\") + executable;
    }

    private Map<String, String> childEnvironment(EnvVars environment) {
        Map<String, String> variables = new HashMap<String, String>(environment);
        variables.put(CliArguments.PASSWORD_VARIABLE, account.password());
        return variables;
    }

    /** @return the inventory's path (relative to the workspace, or absolute), or {@code null} after logging why there is none */
    private String inventory(FilePath workspace, FilePath toolFolder, EnvVars environment)
            throws IOException, InterruptedException {
        String servers = environment.expand(options.getServers());
        if (!servers.trim().isEmpty()) {
            return writeInput(toolFolder, "inventory.txt", servers);
        }
        String file = environment.expand(options.getInventoryFile());
        if (file.isEmpty() || !workspace.child(file).exists()) {
            listener.getLogger().println("DCOM compliance: no servers: list them in 'Servers', or give 'Inventory file' "
                    + "as a path in the workspace (" + (file.isEmpty() ? "none given" : file + " does not exist") + ")");
            return null;
        }
        return file;
    }

    private String policy(FilePath toolFolder, EnvVars environment) throws IOException, InterruptedException {
        String yaml = environment.expand(options.getPolicyYaml());
        if (!yaml.trim().isEmpty()) {
            return writeInput(toolFolder, "policy.yaml", yaml);
        }
        String policy = environment.expand(options.getPolicy());
        return policy.isEmpty() ? Presets.KB272937 : policy;
    }

    /**
     * Writes text from the form into a folder of this run's own, made fresh (and exclusively) beside the command-line
     * jar, outside the workspace: a workspace is untrusted, and a link committed at an input's path must not have the
     * step write through it, least of all on the built-in node. The folder goes when the run ends.
     *
     * @return the file's absolute path on the node
     */
    private String writeInput(FilePath toolFolder, String name, String text) throws IOException, InterruptedException {
        if (inputs == null) {
            toolFolder.mkdirs();
            inputs = toolFolder.createTempDir("input-", "");
        }
        FilePath file = inputs.child(name);
        file.write(text, "UTF-8");
        return file.getRemote();
    }

    /** Keeps the reports with the build; @return the summary for the build page, or {@code null} when there is none */
    private BuildSummary.Summary keep(FilePath reports, File kept) throws IOException, InterruptedException {
        if (!ReportFiles.keep(reports, kept, listener.getLogger()).contains(BuildSummary.FILE)) {
            return null;
        }
        listener.getLogger().println("DCOM compliance: report kept with the build; JUnit file for the JUnit publisher: "
                + slot.workspaceFolder() + "/junit.xml");
        return ReportReader.read(new File(kept, BuildSummary.FILE));
    }

    /** @return where the last {@link #run} kept its reports */
    ReportSlot slot() {
        return slot;
    }

    /** @return the hosts of the last {@link #run}, or {@code null} when it left no report */
    List<HostRow> hosts() {
        return hosts;
    }

    /** @return the rollout's waves and gates of the last {@link #run}; empty when it went all at once */
    List<String> rollout() {
        return rollout == null ? Collections.<String>emptyList() : rollout;
    }
}
