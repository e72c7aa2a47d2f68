package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.report.ToolVersion;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code dcom-compliance}: audits and fixes the DCOM protocol order of Windows servers (KB Q272937).
 *
 * <p>Exit codes: 0 every host compliant; 1 usage or configuration error; 2 some host non-compliant;
 * 3 some host unreachable or failed (3 wins over 2); 4 the run finished but its reports could not be written (the
 * console then lists every host's result).
 */
@Command(name = "dcom-compliance", mixinStandardHelpOptions = true, versionProvider = DcomComplianceCommand.Version.class,
        description = "Audits and fixes the DCOM protocol order of Windows servers (KB Q272937).",
        subcommands = {AuditCommand.class, RemediateCommand.class, RollbackCommand.class, LabCommand.class, DemoCommand.class},
        exitCodeOnInvalidInput = RunResult.EXIT_USAGE, exitCodeOnExecutionException = RunResult.EXIT_USAGE,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  every host complies", "  1  usage or configuration error",
                "  2  some host does not comply (or waits for a restart)", "  3  some host unreachable or failed (wins over 2)",
                "  4  the reports could not be written; the console lists what the run did to each host"})
public final class DcomComplianceCommand implements Callable<Integer> {
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> environment;

    DcomComplianceCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err, System.getenv()));
    }

    /**
     * Runs the command line.
     *
     * @return the exit code
     */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        Logger.getLogger("org.jinterop").setLevel(Level.OFF);
        CommandLine commandLine = new CommandLine(new DcomComplianceCommand(out, err, environment));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("error: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return RunResult.EXIT_USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageException) {
                err.println("error: " + exception.getMessage());
                return RunResult.EXIT_USAGE;
            }
            err.println("error: unexpected " + exception.getClass().getName() + "; please report it");
            return RunResult.EXIT_USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(out);
        return RunResult.EXIT_USAGE;
    }

    /** Prints the tool version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.get()};
        }
    }
}
