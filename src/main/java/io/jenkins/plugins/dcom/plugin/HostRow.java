package io.jenkins.plugins.dcom.plugin;

import java.util.List;
import org.kohsuke.stapler.export.Exported;
import org.kohsuke.stapler.export.ExportedBean;

/** One host of a build's result, as the build page shows it; persisted with the build. */
@ExportedBean(defaultVisibility = 2)
public final class HostRow {
    private final String address;
    private final String name;
    private final String role;
    private final String transport;
    private final String status;
    private final String outcome;
    private final String message;
    private final String before;
    private final String after;
    private final String diff;

    HostRow(String address, String name, String role, String transport, String status, String outcome, String message,
            String before, String after, String diff) {
        this.address = address;
        this.name = name;
        this.role = role;
        this.transport = transport;
        this.status = status;
        this.outcome = outcome;
        this.message = message;
        this.before = before;
        this.after = after;
        this.diff = diff;
    }

    @Exported
    public String getAddress() {
        return address;
    }

    /** @return the display name, or the address */
    @Exported
    public String getLabel() {
        return name == null || name.isEmpty() ? address : name + " (" + address + ")";
    }

    @Exported
    public String getRole() {
        return role;
    }

    @Exported
    public String getTransport() {
        return transport;
    }

    @Exported
    public String getStatus() {
        return status;
    }

    /** @return OK, NON_COMPLIANT or FAILED */
    @Exported
    public String getOutcome() {
        return outcome;
    }

    @Exported
    public String getMessage() {
        return message;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getDiff() {
        return diff;
    }

    /** @return the list before, one protocol per entry, first first */
    public String[] getBeforeList() {
        return split(before);
    }

    /** @return the list after, one protocol per entry, first first */
    public String[] getAfterList() {
        return split(after);
    }

    /** @return the diff, one change per entry */
    public String[] getDiffList() {
        return split(diff);
    }

    /** @return the elements one a line (builds saved by 0.1 joined them with ", ", which {@link #split} still reads) */
    static String join(List<String> elements) {
        StringBuilder joined = new StringBuilder();
        for (String element : elements) {
            joined.append(joined.length() == 0 ? "" : "\n").append(element);
        }
        return joined.toString();
    }

    private static String[] split(String joined) {
        if (joined == null || joined.isEmpty()) {
            return new String[0];
        }
        return joined.indexOf('\n') >= 0 || !joined.contains(", ") ? joined.split("\n", -1) : joined.split(", ");
    }
}
