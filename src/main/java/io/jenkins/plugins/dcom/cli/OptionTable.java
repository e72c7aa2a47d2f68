package io.jenkins.plugins.dcom.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.MissingOptionException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/**
 * The options of one subcommand, declared once: each option's name, what its value looks like, its default and its help
 * line, from which both the parsing and the help come. Built on Apache Commons CLI, which reads a command line without
 * reflection: a run started once per build does not pay for a model built from annotations at each start.
 *
 * <p>Long options only ({@code --name VALUE} or {@code --name=VALUE}), never abbreviated, each at most once; {@code -h}
 * and {@code -V} are the only short ones.
 */
final class OptionTable {
    static final String HELP = "help";
    static final String VERSION = "version";
    /** Columns of the help: room for the longest option and its value beside a readable description. */
    private static final int HELP_WIDTH = 100;

    private final Options options = new Options();
    private final Map<String, String> defaults = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();

    OptionTable() {
        options.addOption(Option.builder("h").longOpt(HELP).desc("Show this help message and exit.").get());
        options.addOption(Option.builder("V").longOpt(VERSION).desc("Print version information and exit.").get());
    }

    /** Declares {@code --name LABEL}, with no default: absent unless given. */
    OptionTable value(String name, String label, String description) {
        return add(name, label, description, null, false);
    }

    /** Declares {@code --name LABEL} with a default, which the help line ends with. */
    OptionTable value(String name, String label, String defaultValue, String description) {
        return add(name, label, description + " (default: " + defaultValue + ").", defaultValue, false);
    }

    /** Declares {@code --name LABEL}, which every run must give. */
    OptionTable required(String name, String label, String description) {
        return add(name, label, description, null, true);
    }

    /** Declares {@code --name}, true when given. */
    OptionTable flag(String name, String description) {
        options.addOption(Option.builder().longOpt(name).desc(description).get());
        return this;
    }

    /** Declares {@code --name LABEL} with a default, kept out of the help: for tests and the demo, not for users. */
    OptionTable hidden(String name, String label, String defaultValue) {
        hidden.add(name);
        return add(name, label, "", defaultValue, false);
    }

    private OptionTable add(String name, String label, String description, String defaultValue, boolean required) {
        options.addOption(Option.builder().longOpt(name).hasArg().argName(label).desc(description).required(required).get());
        if (defaultValue != null) {
            defaults.put(name, defaultValue);
        }
        return this;
    }

    /**
     * @param words the words after the subcommand's name
     * @return what they say, with the defaults of the options they leave out
     * @throws UsageException when a word is no option of this table, an option lacks its value or comes twice, a
     *                        required one is missing, or a word is left over
     */
    Arguments parse(String[] words) throws UsageException {
        try {
            org.apache.commons.cli.CommandLine line = DefaultParser.builder().setAllowPartialMatching(false).get()
                    .parse(options, words);
            if (!line.getArgList().isEmpty()) {
                throw new UsageException("unexpected argument '" + line.getArgList().get(0) + "': every value follows its option");
            }
            Arguments arguments = new Arguments(line, defaults);
            List<String> given = arguments.given();
            for (String name : given) {
                if (Collections.frequency(given, name) > 1) {
                    throw new UsageException(name + " is given more than once; give it once");
                }
            }
            return arguments;
        } catch (UnrecognizedOptionException e) {
            throw new UsageException("unknown option '" + e.getOption() + "'", e);
        } catch (MissingArgumentException e) {
            throw new UsageException("--" + e.getOption().getLongOpt() + " needs a value: " + e.getOption().getArgName(), e);
        } catch (MissingOptionException e) {
            throw new UsageException("missing required option --" + e.getMissingOptions().get(0), e);
        } catch (ParseException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** @return whether the words ask for the help or the version, which a run answers before anything else */
    static boolean asks(String[] words, String what) {
        for (String word : words) {
            if (word.equals("--" + what) || word.equals(HELP.equals(what) ? "-h" : "-V")) {
                return true;
            }
        }
        return false;
    }

    /** Prints the usage line, the description and every option but the hidden ones, in the order declared. */
    void printHelp(PrintStream out, String command, String description) {
        Options shown = new Options();
        for (Option option : options.getOptions()) {
            if (!hidden.contains(option.getLongOpt())) {
                shown.addOption(option);
            }
        }
        TextHelpAppendable text = new TextHelpAppendable(out);
        text.setMaxWidth(HELP_WIDTH);
        HelpFormatter formatter = HelpFormatter.builder().setShowSince(false).setHelpAppendable(text)
                .setComparator(IN_ORDER_DECLARED).get();
        formatter.setSyntaxPrefix("Usage:");
        try {
            formatter.printHelp(command + " [OPTIONS]", description, shown, "", false);
        } catch (IOException e) {
            throw new IllegalStateException("the help could not be printed", e);
        }
        out.flush();
    }

    /** Keeps the options in the order {@link Options} holds them: as declared. */
    private static final Comparator<Option> IN_ORDER_DECLARED = new Comparator<Option>() {
        @Override
        public int compare(Option a, Option b) {
            return 0;
        }
    };
}
