package io.jenkins.plugins.dcom.cli;

/**
 * One subcommand of {@code dcom-compliance}: its name and help, the options it declares, and the run. The root parses
 * the words after the name against {@link #declare}'s table, hands the result to {@link #read}, then calls
 * {@link #call}; a {@link UsageException} from either is a usage error (exit 1).
 */
abstract class Subcommand {
    /** The root: the streams and the environment of this run. */
    final DcomComplianceCommand parent;

    Subcommand(DcomComplianceCommand parent) {
        this.parent = parent;
    }

    /** @return the name the command line gives, e.g. {@code audit} */
    abstract String name();

    /** @return what the command does, for its help and the root's list of commands */
    abstract String description();

    /** Declares every option the subcommand reads. */
    abstract void declare(OptionTable table);

    /** Takes the parsed options; checks what needs no host, file or network. */
    abstract void read(Arguments arguments) throws UsageException;

    /** @return the exit code */
    abstract int call() throws UsageException, InterruptedException;
}
