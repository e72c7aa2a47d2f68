package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.report.ToolVersion;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * {@code dcom-compliance}: audits and fixes the DCOM protocol order of Windows servers (KB Q272937).
 *
 * <p>Exit codes: {@link ExitCodes}, listed in the help's footer.
 */
@Command(name = "dcom-compliance", mixinStandardHelpOptions = true, versionProvider = DcomComplianceCommand.Version.class,
        description = "Audits and fixes the DCOM protocol order of Windows servers (KB Q272937).",
        exitCodeOnInvalidInput = ExitCodes.USAGE, exitCodeOnExecutionException = ExitCodes.USAGE,
        footerHeading = "%nExit codes:%n",
        footer = {"  " + ExitCodes.OK + "  every host complies", "  " + ExitCodes.USAGE + "  usage or configuration error",
                "  " + ExitCodes.NON_COMPLIANT + "  some host does not comply (or waits for a restart)",
                "  " + ExitCodes.FAILED + "  some host unreachable or failed (wins over " + ExitCodes.NON_COMPLIANT + ")",
                "  " + ExitCodes.REPORTS_NOT_WRITTEN + "  the reports could not be written; the console lists what the run did "
                        + "to each host"})
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
        CommandLine commandLine = commandLine(new DcomComplianceCommand(out, err, environment), args);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            err.println("error: " + exception.getMessage());
            err.println("Try '" + exception.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageException) {
                err.println("error: " + exception.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("error: unexpected " + exception.getClass().getName() + "; please report it");
            return ExitCodes.USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        commandLine(this, new String[0]).usage(out);
        return ExitCodes.USAGE;
    }

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = Collections.unmodifiableList(Arrays.<Class<?>>asList(AuditCommand.class,
            RemediateCommand.class, RollbackCommand.class, LabCommand.class, DemoCommand.class));

    /**
     * @return the command line with the subcommand {@code args} name, or with all of them when it names none (the help
     *         lists them): picocli reads every option of every subcommand it is given, which a run started once per
     *         build pays for at each start
     */
    private static CommandLine commandLine(DcomComplianceCommand root, String[] args) {
        CommandLine commandLine = new CommandLine(root);
        List<Class<?>> named = new ArrayList<>();
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (args.length > 0 && args[0].equals(subcommand.getAnnotation(Command.class).name())) {
                named.add(subcommand);
            }
        }
        for (Class<?> subcommand : named.isEmpty() ? SUBCOMMANDS : named) {
            commandLine.addSubcommand(subcommand);
        }
        return commandLine;
    }

    /** Prints the tool version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ToolVersion.NAME + " " + ToolVersion.get()};
        }
    }
}
