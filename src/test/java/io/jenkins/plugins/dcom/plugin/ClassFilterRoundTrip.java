package io.jenkins.plugins.dcom.plugin;

import com.thoughtworks.xstream.XStream;
import com.thoughtworks.xstream.converters.ConversionException;
import com.thoughtworks.xstream.converters.Converter;
import com.thoughtworks.xstream.converters.MarshallingContext;
import com.thoughtworks.xstream.converters.UnmarshallingContext;
import com.thoughtworks.xstream.io.HierarchicalStreamReader;
import com.thoughtworks.xstream.io.HierarchicalStreamWriter;
import com.thoughtworks.xstream.io.xml.DomDriver;
import com.thoughtworks.xstream.security.AnyTypePermission;
import hudson.model.Hudson;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes every type the plugin persists with upstream XStream and reads it back, under {@link JenkinsClassFilter} hooked
 * in as Jenkins hooks {@code ClassFilterImpl} ({@code hudson/util/XStream2.java}: every type allowed to XStream, then a
 * converter of the highest priority that refuses, for marshalling and unmarshalling alike, a type the filter
 * blacklists). {@link ClassFilterRoundTripIT} loads this class, the plugin's server jar and XStream 1.4.21 in a class
 * loader of their own, so the plugin's classes come from the jar the .hpi ships.
 *
 * @see #get()
 */
public final class ClassFilterRoundTrip implements Supplier<List<String>> {
    private final JenkinsClassFilter filter;
    /** The JDK's DOM parser reads: the filter is the parser's business no more than Jenkins' choice of parser is. */
    private final XStream xstream = new XStream(new DomDriver());

    public ClassFilterRoundTrip() throws Exception {
        filter = new JenkinsClassFilter(Hudson.class);
        xstream.setClassLoader(ClassFilterRoundTrip.class.getClassLoader());
        xstream.addPermission(AnyTypePermission.ANY);
        xstream.registerConverter(new Refusing(), XStream.PRIORITY_VERY_HIGH);
    }

    /** @return what went wrong: a refused type, or a value that did not survive the round trip; empty when all did */
    @Override
    public List<String> get() {
        List<String> problems = new ArrayList<>();
        String xstreamJar = XStream.class.getProtectionDomain().getCodeSource().getLocation().toString();
        if (!xstreamJar.endsWith("/xstream-1.4.21.jar")) {
            problems.add("XStream came from " + xstreamJar + ", not upstream 1.4.21");
        }
        try {
            for (Object persisted : persistedTypes()) {
                roundTrip(persisted, problems);
            }
            for (String saved : Arrays.asList("builder-0.0.xml", "builder-0.2.xml")) {
                readSaved(saved, problems);
            }
        } catch (Exception e) {
            problems.add("could not build the persisted types: " + e);
        }
        return problems;
    }

    /** Both steps with every option set, and both actions with their rows, as builds save them. */
    private static List<Object> persistedTypes() throws Exception {
        DcomCompliancePipelineStep pipeline = StepOptionSamples.withEverySample(new DcomCompliancePipelineStep());
        pipeline.setCredentialsId("windows-admin");
        List<HostRow> rows = Arrays.asList(
                new HostRow("10.0.0.4:5985", "NT4", "site-server", "winrm", "NON_COMPLIANT", "non-compliant",
                        "ncacn_ip_tcp is not first", "ncadg_ip_udp,ncacn_ip_tcp", "", "moved ncacn_ip_tcp to 1"),
                new HostRow("10.0.0.5:5985", "W2K", "console", "winrm", "COMPLIANT", "compliant", "", "ncacn_ip_tcp", "", ""));
        List<String> rollout = Collections.singletonList("wave 1 of 1 (2 host(s)): gate open");
        return Arrays.asList(StepOptionSamples.withEverySample(new DcomComplianceBuilder()), pipeline,
                new ComplianceBuildAction(rows, rollout, "AUDIT", 2, ReportSlot.named(null)),
                new PipelineComplianceAction(rows, rollout, "AUDIT", 2, ReportSlot.named("dcom-compliance-shard-1-of-2")));
    }

    private void roundTrip(Object persisted, List<String> problems) {
        String name = persisted.getClass().getSimpleName();
        try {
            String written = xstream.toXML(persisted);
            String again = xstream.toXML(xstream.fromXML(written));
            if (!again.equals(written)) {
                problems.add(name + " changed in the round trip:\n" + written + "\n---\n" + again);
            }
        } catch (RuntimeException e) {
            problems.add(name + ": " + e.getMessage());
        }
    }

    /** A step as an earlier version saved it: read, it must hold what that version did (its password aside). */
    private void readSaved(String file, List<String> problems) throws Exception {
        String job;
        try (InputStream in = ClassFilterRoundTrip.class.getResourceAsStream("/saved-steps/" + file)) {
            job = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String tag = "io.jenkins.plugins.dcom.plugin.DcomComplianceBuilder";
        String step = job.substring(job.indexOf("<" + tag + ">"), job.indexOf("</" + tag + ">") + tag.length() + 3)
                .replaceAll("\\s*<password>[^<]*</password>", ""); // a Secret needs a running server to decrypt
        try {
            DcomComplianceBuilder read = (DcomComplianceBuilder) xstream.fromXML(step);
            if (read.getUser().isEmpty() || read.getAuth().isEmpty() || read.getShard() == null) {
                problems.add(file + " read without its values: " + xstream.toXML(read));
            }
        } catch (RuntimeException e) {
            problems.add(file + ": " + e.getMessage());
        }
    }

    /** As Jenkins' {@code XStream2.BlacklistedTypesConverter}: refuses a type the filter does not permit. */
    private final class Refusing implements Converter {
        @Override
        public boolean canConvert(@SuppressWarnings("rawtypes") Class type) {
            return type != null && filter.refusal(type) != null;
        }

        @Override
        public void marshal(Object source, HierarchicalStreamWriter writer, MarshallingContext context) {
            throw new ConversionException("Refusing to marshal " + source.getClass().getName() + " for security reasons: "
                    + filter.refusal(source.getClass()));
        }

        @Override
        public Object unmarshal(HierarchicalStreamReader reader, UnmarshallingContext context) {
            throw new ConversionException("Refusing to unmarshal " + reader.getNodeName() + " for security reasons");
        }
    }
}
