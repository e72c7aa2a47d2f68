package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.report.ToolVersion;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code dcom-compliance}: audits and fixes the DCOM protocol order of Windows servers (KB Q272937).
 *
 * <p>Exit codes: {@link ExitCodes}, listed in the help's footer.
 */
public final class DcomComplianceCommand {
    private static final String NAME = "dcom-compliance";
    private static final String DESCRIPTION = "Audits and fixes the DCOM protocol order of Windows servers (KB Q272937).";
    private static final String[] EXIT_CODES = {"  " + ExitCodes.OK + "  every host complies",
        "  " + ExitCodes.USAGE + "  usage or configuration error",
        "  " + ExitCodes.NON_COMPLIANT + "  some host does not comply (or waits for a restart)",
        "  " + ExitCodes.FAILED + "  some host unreachable or failed (wins over " + ExitCodes.NON_COMPLIANT + ")",
        "  " + ExitCodes.REPORTS_NOT_WRITTEN + "  the reports could not be written; the console lists what the run did to each host"};
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
        return new DcomComplianceCommand(out, err, environment).run(args);
    }

    private int run(String[] args) {
        if (args.length == 0 || OptionTable.asks(new String[] {args[0]}, OptionTable.HELP)) {
            printHelp();
            return args.length == 0 ? ExitCodes.USAGE : ExitCodes.OK;
        }
        if (OptionTable.asks(new String[] {args[0]}, OptionTable.VERSION)) {
            return printVersion();
        }
        Subcommand command = subcommand(args[0]);
        if (command == null) {
            err.println("error: unknown command '" + args[0] + "'; the commands are " + String.join(", ", names()));
            err.println("Try '" + NAME + " --help'.");
            return ExitCodes.USAGE;
        }
        return run(command, Arrays.copyOfRange(args, 1, args.length));
    }

    private int run(Subcommand command, String[] words) {
        OptionTable table = new OptionTable();
        command.declare(table);
        if (OptionTable.asks(words, OptionTable.HELP)) {
            table.printHelp(out, NAME + " " + command.name(), command.description());
            return ExitCodes.OK;
        }
        if (OptionTable.asks(words, OptionTable.VERSION)) {
            return printVersion();
        }
        try {
            command.read(table.parse(words));
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println("Try '" + NAME + " " + command.name() + " --help'.");
            return ExitCodes.USAGE;
        }
        try {
            return command.call();
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return ExitCodes.USAGE;
        } catch (RuntimeException e) {
            err.println("error: unexpected " + e.getClass().getName() + "; please report it");
            return ExitCodes.USAGE;
        }
    }

    /** @return the subcommands, in the order the help lists them */
    private List<Subcommand> subcommands() {
        return Arrays.asList(new AuditCommand(this), new RemediateCommand(this), new RollbackCommand(this), new LabCommand(this),
                new DemoCommand(this));
    }

    /** @return the subcommand of that name, or {@code null} */
    Subcommand subcommand(String name) {
        for (Subcommand command : subcommands()) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        for (Subcommand command : subcommands()) {
            names.add(command.name());
        }
        return names;
    }

    private int printVersion() {
        out.println(ToolVersion.NAME + " " + ToolVersion.get());
        return ExitCodes.OK;
    }

    private void printHelp() {
        out.println("Usage: " + NAME + " [-hV] COMMAND [OPTIONS]");
        out.println(DESCRIPTION);
        out.println("  -h, --help      Show this help message and exit.");
        out.println("  -V, --version   Print version information and exit.");
        out.println("Commands:");
        for (Subcommand command : subcommands()) {
            String description = command.description();
            int sentence = description.indexOf(". ");
            out.printf("  %-10s %s%n", command.name(), sentence < 0 ? description : description.substring(0, sentence + 1));
        }
        out.println();
        out.println("Exit codes:");
        for (String line : EXIT_CODES) {
            out.println(line);
        }
        out.println("Each command's options: " + NAME + " COMMAND --help");
        out.flush();
    }
}
