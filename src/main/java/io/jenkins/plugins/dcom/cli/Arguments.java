package io.jenkins.plugins.dcom.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * What one command line says, option by option, each value converted by the one rule for its type: a value that is not
 * of its type is a usage error naming the option and the value. Ranges are {@link Bounds}' to check, where the option
 * is used.
 */
final class Arguments {
    private final CommandLine line;
    private final Map<String, String> defaults;

    Arguments(CommandLine line, Map<String, String> defaults) {
        this.line = line;
        this.defaults = defaults;
    }

    /** @return the option's value, else its default, else {@code null} */
    String text(String name) {
        String value = line.getOptionValue(name);
        return value != null ? value : defaults.get(name);
    }

    /** @return the options the words gave, as {@code --name}, in their order */
    List<String> given() {
        List<String> names = new ArrayList<>();
        for (Option option : line.getOptions()) {
            names.add("--" + option.getLongOpt());
        }
        return names;
    }

    /** @return whether the flag was given */
    boolean flag(String name) {
        return line.hasOption(name);
    }

    /** @return the option's value as a whole number (the range is the caller's), or its default, which it must have */
    long number(String name) throws UsageException {
        if (text(name) == null) {
            throw new IllegalArgumentException("--" + name + " has no default");
        }
        return number(name, 0);
    }

    /** @return the option's value as a whole number (the range is the caller's), else {@code absent} */
    long number(String name, long absent) throws UsageException {
        String value = text(name);
        if (value == null) {
            return absent;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + value + "' is not a whole number", e);
        }
    }

    /** @return the option's value as a path, or its default, or {@code null} */
    Path path(String name) throws UsageException {
        String value = text(name);
        try {
            return value == null ? null : Paths.get(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " '" + value + "' is not a path: " + e.getReason(), e);
        }
    }
}
