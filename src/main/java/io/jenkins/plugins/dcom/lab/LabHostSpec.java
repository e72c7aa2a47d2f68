package io.jenkins.plugins.dcom.lab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** How one simulated host starts: its name, its DCOM Protocols value, its faults and its timings. */
public final class LabHostSpec {
    private static final String VERSION_KEY = "SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    private static final String VERSION_VALUE = "CurrentVersion";
    private final String name;
    private final String role;
    private final List<String> protocols;
    private final Set<LabFault> faults;
    private final long latencyMillis;
    private final long downtimeMillis;
    private final String user;
    private final Map<String, String[]> values;
    private final Set<WinRmServiceSetting> service;

    private LabHostSpec(String name, String role, List<String> protocols, Set<LabFault> faults, long latencyMillis,
            long downtimeMillis, String user, Map<String, String[]> values, Set<WinRmServiceSetting> service) {
        this.name = name;
        this.role = role;
        this.protocols = Collections.unmodifiableList(new ArrayList<>(protocols));
        this.faults = Collections.unmodifiableSet(faults.isEmpty() ? EnumSet.noneOf(LabFault.class) : EnumSet.copyOf(faults));
        this.latencyMillis = latencyMillis;
        this.downtimeMillis = downtimeMillis;
        this.user = user;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.service = service;
    }

    /** A healthy host with the given protocols, no latency, 2 s of downtime per restart, user {@code labadmin}. */
    public static LabHostSpec host(String name, String... protocols) {
        return new LabHostSpec(name, null, Arrays.asList(protocols), EnumSet.noneOf(LabFault.class), 0, 2000, "labadmin", Collections.<String, String[]>emptyMap(),
                EnumSet.noneOf(WinRmServiceSetting.class))
                .windows("6.3");
    }

    public LabHostSpec role(String value) {
        return new LabHostSpec(name, value, protocols, faults, latencyMillis, downtimeMillis, user, values, service);
    }

    public LabHostSpec fault(LabFault fault) {
        Set<LabFault> more = faults.isEmpty() ? EnumSet.noneOf(LabFault.class) : EnumSet.copyOf(faults);
        more.add(fault);
        return new LabHostSpec(name, role, protocols, more, latencyMillis, downtimeMillis, user, values, service);
    }

    public LabHostSpec latency(long millis) {
        return new LabHostSpec(name, role, protocols, faults, millis, downtimeMillis, user, values, service);
    }

    public LabHostSpec downtime(long millis) {
        return new LabHostSpec(name, role, protocols, faults, latencyMillis, millis, user, values, service);
    }

    public LabHostSpec user(String value) {
        return new LabHostSpec(name, role, protocols, faults, latencyMillis, downtimeMillis, value, values, service);
    }

    /**
     * The release values a host of each version holds beside CurrentVersion: ProductName (NT 4.0 has none), CSDVersion
     * (its last service pack; none on current Windows), CurrentBuildNumber, as those releases ship them.
     */
    private static final Map<String, String[]> RELEASES = new HashMap<>();

    static {
        RELEASES.put("4.0", new String[] {null, "Service Pack 6", "1381"});
        RELEASES.put("5.0", new String[] {"Microsoft Windows 2000", "Service Pack 4", "2195"});
        RELEASES.put("5.2", new String[] {"Microsoft Windows Server 2003", "Service Pack 2", "3790"});
        RELEASES.put("6.3", new String[] {"Windows Server 2019 Standard", null, "17763"}); // 2016 and later keep 6.3 here
    }

    /**
     * @param currentVersion what {@code HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\CurrentVersion} holds: "4.0" for
     *                       NT 4.0, "5.0" for 2000, "5.2" for 2003, "6.3" (the default) for 2012 R2 and later; the
     *                       release's ProductName, CSDVersion and CurrentBuildNumber come with it
     */
    public LabHostSpec windows(String currentVersion) {
        String[] names = {"ProductName", "CSDVersion", "CurrentBuildNumber"};
        Map<String, String[]> others = new LinkedHashMap<>(values);
        for (String name : names) {
            others.remove((VERSION_KEY + "\\" + name).toUpperCase(Locale.ROOT)); // a release replaces the last one's
        }
        LabHostSpec spec = new LabHostSpec(this.name, role, protocols, faults, latencyMillis, downtimeMillis, user, others, service)
                .value(VERSION_KEY, VERSION_VALUE, "REG_SZ", currentVersion);
        String[] release = RELEASES.get(currentVersion);
        for (int i = 0; release != null && i < names.length; i++) {
            if (release[i] != null) {
                spec = spec.value(VERSION_KEY, names[i], "REG_SZ", release[i]);
            }
        }
        return spec;
    }

    /**
     * @param subkey a key under HKLM, as {@code reg query "HKLM\<subkey>"} names it
     * @param name   the value's name
     * @param type   REG_SZ, REG_DWORD or REG_MULTI_SZ
     * @param data   the data as reg.exe prints it (0x... for a DWORD, entries joined by \0 for a MULTI_SZ)
     * @return this host with one more value that {@code reg query KEY /v NAME} answers
     */
    public LabHostSpec value(String subkey, String name, String type, String data) {
        Map<String, String[]> more = new LinkedHashMap<>(values);
        more.put((subkey + "\\" + name).toUpperCase(Locale.ROOT), new String[] {subkey, name, type, data});
        return new LabHostSpec(this.name, role, protocols, faults, latencyMillis, downtimeMillis, user, more, service);
    }

    /** @return this host with one WinRM service setting changed from Windows' default */
    public LabHostSpec service(WinRmServiceSetting setting) {
        Set<WinRmServiceSetting> more = EnumSet.noneOf(WinRmServiceSetting.class);
        more.addAll(service);
        more.add(setting);
        return new LabHostSpec(name, role, protocols, faults, latencyMillis, downtimeMillis, user, values,
                Collections.unmodifiableSet(more));
    }

    /** @return whether the host's WinRM service has this setting (else it has Windows' default) */
    public boolean has(WinRmServiceSetting setting) {
        return service.contains(setting);
    }

    /**
     * @param subkey a key under HKLM that exists on this host, with no value of its own (such as Windows servicing's
     *               {@code RebootPending})
     * @return this host with the key, which {@code reg query "HKLM\<subkey>"} lists
     */
    public LabHostSpec key(String subkey) {
        return value(subkey, "", null, null);
    }

    /** @return the extra values by {@code SUBKEY\NAME} upper-cased: subkey, name, type, data (a bare key: name "") */
    public Map<String, String[]> getValues() {
        return values;
    }

    /** @return the CurrentVersion this host answers ({@link #windows(String)}) */
    public String getWindowsVersion() {
        return values.get((VERSION_KEY + "\\" + VERSION_VALUE).toUpperCase(Locale.ROOT))[3];
    }

    public String getName() {
        return name;
    }

    /** @return {@code site-server}, {@code console} or {@code null} */
    public String getRole() {
        return role;
    }

    public List<String> getProtocols() {
        return protocols;
    }

    public boolean has(LabFault fault) {
        return faults.contains(fault);
    }

    public Set<LabFault> getFaults() {
        return faults;
    }

    public long getLatencyMillis() {
        return latencyMillis;
    }

    public long getDowntimeMillis() {
        return downtimeMillis;
    }

    public String getUser() {
        return user;
    }
}
