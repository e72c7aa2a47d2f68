package io.jenkins.plugins.dcom.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The rollout of a remediation as the build step's one text field writes it, and the rules for its values that the
 * command line applies to its own options too: {@code canary=1 waves=25% maxFailures=2 autoRevert siteServers=last}.
 * {@link #toArguments(String)} turns the text into exactly the command line's rollout options, nothing else.
 */
public final class RolloutSpec {
    /** The syntax, for messages and help. */
    public static final String FORMAT = "canary=N waves=N|P% maxFailures=K autoRevert siteServers=first|last";
    private static final List<String> KEYS = Arrays.asList("canary", "waves", "maxFailures", "autoRevert", "siteServers");

    private RolloutSpec() {
    }

    /**
     * @param text the field's text; blank for every host at once
     * @return the command line's options ({@code --canary N --wave-size W --max-failures K --auto-revert --site-servers S})
     * @throws IllegalArgumentException naming the word and the fix
     */
    public static List<String> toArguments(String text) {
        List<String> args = new ArrayList<>();
        if (text == null || text.trim().isEmpty()) {
            return args;
        }
        List<String> seen = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            int equals = word.indexOf('=');
            String key = equals < 0 ? word : word.substring(0, equals);
            String value = equals < 0 ? null : word.substring(equals + 1);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("'" + word + "' is not part of a rollout; write " + FORMAT);
            }
            if (seen.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is given twice; keep one");
            }
            seen.add(key);
            args.addAll(argument(key, value));
        }
        return args;
    }

    private static List<String> argument(String key, String value) {
        if ("autoRevert".equals(key)) {
            if (value != null) {
                throw new IllegalArgumentException("autoRevert takes no value; write autoRevert");
            }
            return Arrays.asList("--auto-revert");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(key + " needs a value; write " + FORMAT);
        }
        switch (key) {
            case "canary":
                return Arrays.asList("--canary", String.valueOf(count("canary", value, 1)));
            case "maxFailures":
                return Arrays.asList("--max-failures", String.valueOf(count("maxFailures", value, 1)));
            case "waves":
                int[] size = waveSize(value);
                return Arrays.asList("--wave-size", size[1] > 0 ? size[1] + "%" : String.valueOf(size[0]));
            default:
                return Arrays.asList("--site-servers", siteServers(value));
        }
    }

    private static int count(String key, String value, int min) {
        if (!value.matches("\\d{1,6}") || Integer.parseInt(value) < min) {
            throw new IllegalArgumentException(key + "=" + value + " is not a count from " + min + " to 999999");
        }
        return Integer.parseInt(value);
    }

    /**
     * The one rule for a wave size: a count (1-100000) or a percentage of the fleet (1%-100%).
     *
     * @return {count, 0} or {0, percent}
     */
    public static int[] waveSize(String text) {
        String value = text.trim();
        if (value.matches("\\d{1,3}%")) {
            int percent = Integer.parseInt(value.substring(0, value.length() - 1));
            if (percent >= 1 && percent <= 100) {
                return new int[] {0, percent};
            }
        } else if (value.matches("\\d{1,6}")) {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= 100_000) {
                return new int[] {count, 0};
            }
        }
        throw new IllegalArgumentException("wave size " + value + " is not a count (1-100000) or a percentage (1%-100%); "
                + "write for example 10 or 25%");
    }

    /** @return {@code first} or {@code last} */
    public static String siteServers(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (!"first".equals(value) && !"last".equals(value)) {
            throw new IllegalArgumentException("site servers '" + text + "' is unknown; use first or last");
        }
        return value;
    }
}
