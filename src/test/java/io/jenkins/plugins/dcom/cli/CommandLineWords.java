package io.jenkins.plugins.dcom.cli;

import java.util.Collections;
import java.util.List;

/** For tests outside this package: parses a command line as a run would, without running it. */
public final class CommandLineWords {
    private CommandLineWords() {
    }

    /**
     * @param words the subcommand's name, then its options
     * @return the options given, as {@code --name}
     * @throws Exception a usage error, when a run would refuse the words
     */
    public static List<String> parse(List<String> words) throws Exception {
        Subcommand command = new DcomComplianceCommand(System.out, System.err, Collections.<String, String>emptyMap())
                .subcommand(words.get(0));
        if (command == null) {
            throw new IllegalArgumentException("no such subcommand: " + words.get(0));
        }
        OptionTable table = new OptionTable();
        command.declare(table);
        Arguments arguments = table.parse(words.subList(1, words.size()).toArray(new String[0]));
        command.read(arguments);
        return arguments.given();
    }
}
