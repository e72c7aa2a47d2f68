package io.jenkins.plugins.dcom.plugin;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import hudson.model.JDK;
import hudson.model.Node;
import hudson.model.Result;
import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.policy.Presets;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the build step: writes the form's inventory and policy into the workspace, runs the command-line
 * jar as a child process on the build's node (the password in its environment only), keeps the reports with
 * the build, adds the result to the build page and sets the build result from the exit code.
 */
final class ComplianceStep {
    private final StepSettings settings;
    private final String password;
    private final AbstractBuild<?, ?> build;
    private final Launcher launcher;
    private final BuildListener listener;

    ComplianceStep(StepSettings settings, String password, AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) {
        this.settings = settings;
        this.password = password;
        this.build = build;
        this.launcher = launcher;
        this.listener = listener;
    }

    /** @return {@code false} when the build must fail */
    boolean run(EnvVars environment) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        FilePath workspace = build.getWorkspace();
        Node node = build.getBuiltOn();
        if (workspace == null || node == null) {
            log.println("DCOM compliance: the build has no workspace or its node is offline");
            return false;
        }
        String inventory = inventory(workspace);
        if (inventory == null) {
            return false;
        }
        FilePath reports = workspace.child(CliArguments.REPORT_DIR);
        reports.child(BuildSummary.FILE).delete();
        List<String> command = new ArrayList<String>();
        command.add(java(node));
        command.add("-jar");
        command.add(CliJar.installOn(node, CliJar.bundled()).getRemote());
        command.addAll(CliArguments.of(settings, inventory, policy(workspace)));
        log.println("DCOM compliance: " + settings.mode.getLabel() + " on " + node.getDisplayName());
        int exit = launcher.launch().cmds(command).envs(childEnvironment(environment)).stdout(listener).pwd(workspace).join();
        return finish(exit, reports);
    }

    private Map<String, String> childEnvironment(EnvVars environment) {
        Map<String, String> variables = new HashMap<String, String>(environment);
        variables.put(CliArguments.PASSWORD_VARIABLE, password);
        return variables;
    }

    /** @return the inventory's path relative to the workspace, or {@code null} after logging why there is none */
    private String inventory(FilePath workspace) throws IOException, InterruptedException {
        if (!settings.servers.trim().isEmpty()) {
            return writeInput(workspace, "inventory.txt", settings.servers);
        }
        if (settings.inventoryFile.isEmpty() || !workspace.child(settings.inventoryFile).exists()) {
            listener.getLogger().println("DCOM compliance: no servers: list them in 'Servers', or give 'Inventory file' "
                    + "as a path in the workspace (" + (settings.inventoryFile.isEmpty() ? "none given" : settings.inventoryFile
                    + " does not exist") + ")");
            return null;
        }
        return settings.inventoryFile;
    }

    private String policy(FilePath workspace) throws IOException, InterruptedException {
        if (!settings.policyYaml.trim().isEmpty()) {
            return writeInput(workspace, "policy.yaml", settings.policyYaml);
        }
        return settings.policy.isEmpty() ? Presets.KB272937 : settings.policy;
    }

    /** Writes text from the form into the workspace's input folder; @return its path relative to the workspace */
    private static String writeInput(FilePath workspace, String name, String text) throws IOException, InterruptedException {
        FilePath file = workspace.child(CliArguments.INPUT_DIR).child(name);
        file.getParent().mkdirs();
        file.write(text, "UTF-8");
        return CliArguments.INPUT_DIR + "/" + name;
    }

    private String java(Node node) throws IOException, InterruptedException {
        String executable = launcher.isUnix() ? "java" : "java.exe";
        JDK jdk = build.getProject().getJDK();
        if (jdk == null) {
            return executable;
        }
        JDK onNode = jdk.forNode(node, listener);
        return onNode.getHome() + (launcher.isUnix() ? "/bin/" : "\\bin\\") + executable;
    }

    private boolean finish(int exit, FilePath reports) throws IOException, InterruptedException {
        File kept = ComplianceBuildAction.folder(build);
        if (ReportFiles.keep(reports, kept, listener.getLogger()).contains(BuildSummary.FILE)) {
            build.addAction(new ComplianceBuildAction(ReportReader.hosts(new File(kept, BuildSummary.FILE)),
                    settings.mode.name(), exit));
            listener.getLogger().println("DCOM compliance: report kept with the build; JUnit file for the JUnit publisher: "
                    + CliArguments.REPORT_DIR + "/junit.xml");
        }
        Result result = ResultMapping.of(exit, settings);
        if (result != Result.SUCCESS) {
            listener.getLogger().println("DCOM compliance: exit code " + exit + " sets the build to " + result);
            build.setResult(result);
        }
        return result != Result.FAILURE;
    }
}
