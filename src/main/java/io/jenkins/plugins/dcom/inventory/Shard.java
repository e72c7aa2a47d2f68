package io.jenkins.plugins.dcom.inventory;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One shard of a fleet, written {@code N/M}: every M-th host from the N-th, so M agents or jobs split a fleet. */
public final class Shard {
    private static final Pattern FORM = Pattern.compile("^(\\d{1,6})/(\\d{1,6})$");

    private final int index;
    private final int count;

    private Shard(int index, int count) {
        this.index = index;
        this.count = count;
    }

    /**
     * @param text {@code N/M} with 1 &lt;= N &lt;= M
     * @throws IllegalArgumentException saying how to write it
     */
    public static Shard parse(String text) {
        Matcher matcher = FORM.matcher(text == null ? "" : text.trim());
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            int count = Integer.parseInt(matcher.group(2));
            if (index >= 1 && index <= count) {
                return new Shard(index, count);
            }
        }
        throw new IllegalArgumentException("shard '" + text + "' is invalid; write N/M (shard N of M, 1 <= N <= M), for example 2/4");
    }

    /** @return this shard's hosts, in listed order */
    public Inventory of(Inventory fleet) {
        return fleet.shard(index, count);
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
