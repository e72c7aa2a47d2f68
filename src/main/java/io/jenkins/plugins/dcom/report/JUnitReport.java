package io.jenkins.plugins.dcom.report;

import com.fasterxml.aalto.stax.OutputFactoryImpl;
import io.jenkins.plugins.dcom.analysis.ConnectivityMatrix;
import io.jenkins.plugins.dcom.analysis.PairOutcome;
import io.jenkins.plugins.dcom.analysis.PairPrediction;
import io.jenkins.plugins.dcom.contract.Outcome;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code junit.xml}: one test case per host, so any CI server's JUnit publisher shows the fleet. A non-compliant
 * host is a failure with expected and actual order in the message; an unreachable or failed host is an error.
 * No host vanishes.
 */
public final class JUnitReport {
    /**
     * Aalto's writer, named rather than looked up: the command line carries Aalto for WinRM's answers, and a lookup would
     * find it by its service file anyway; made once, as a run writes a test case per host.
     */
    private static final XMLOutputFactory XML = new OutputFactoryImpl();

    private JUnitReport() {
    }

    /** @return the report of a run that holds its hosts, as UTF-8 bytes */
    public static byte[] bytes(RunResult run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.withSpool(run, null, spool -> write(run, spool, out));
        return out.toByteArray();
    }

    /**
     * Writes the report to {@code out} as UTF-8: the suite, each host's test case read from the spool one at a time in
     * inventory order, then the console/site-server pairs; {@code out} is flushed, not closed.
     */
    static void write(RunResult run, ReportSpool spool, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            ConnectivityMatrix pairs = run.connectivity().getBefore();
            suite(run, pairs, xml);
            xml.writeCharacters("\n  "); // closes the suite's start tag: the test cases follow as they were made
            xml.flush();
            for (int slot = 0; slot < spool.size(); slot++) {
                out.write(spool.part(slot, ReportSpool.Part.JUNIT));
                out.write(CASE_SEPARATOR);
            }
            for (PairPrediction pair : pairs.getPairs()) {
                pairCase(pair, fails(run, pair), xml);
                xml.writeCharacters("\n  ");
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static final byte[] CASE_SEPARATOR = "\n  ".getBytes(StandardCharsets.UTF_8);

    /** @return one host's test case, UTF-8 */
    static byte[] testCase(String policy, HostResult host) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            testCase(policy, host, xml);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write junit.xml: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static void suite(RunResult run, ConnectivityMatrix pairs, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "DCOM protocol compliance (" + run.getPolicy() + ")");
        xml.writeAttribute("tests", String.valueOf(run.hostCount() + pairs.getPairs().size()));
        long pairFailures = pairs.getPairs().stream().filter(pair -> fails(run, pair)).count();
        long pairsSkipped = pairs.getPairs().stream().filter(pair -> pair.getOutcome() == PairOutcome.UNKNOWN && !fails(run, pair)).count();
        xml.writeAttribute("failures", String.valueOf(run.count(Outcome.NON_COMPLIANT) + pairFailures));
        xml.writeAttribute("errors", String.valueOf(run.count(Outcome.FAILED)));
        xml.writeAttribute("skipped", String.valueOf(pairsSkipped));
        xml.writeAttribute("time", seconds(run.getFinished().toEpochMilli() - run.getStarted().toEpochMilli()));
        xml.writeAttribute("timestamp", run.getStarted().toString());
    }

    /** @return whether the pair is a failure: it fails, or the policy requires every pair to connect and this one does not */
    private static boolean fails(RunResult run, PairPrediction pair) {
        return pair.getOutcome() == PairOutcome.FAILS || run.isConnectivityRequired() && pair.getOutcome() != PairOutcome.CONNECTS;
    }

    /** One test case per console/site-server pair as found: a failing pair is a failure, an unknown one skipped. */
    private static void pairCase(PairPrediction pair, boolean failure, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "dcom.connectivity");
        xml.writeAttribute("name", pair.getConsole() + " -> " + pair.getServer());
        xml.writeAttribute("time", "0");
        if (failure || pair.getOutcome() == PairOutcome.UNKNOWN) {
            xml.writeEmptyElement(failure ? "failure" : "skipped");
            xml.writeAttribute("message", UntrustedText.line(pair.getReason()));
        }
        xml.writeStartElement("system-out");
        xml.writeCharacters(pair.getOutcome() + ": " + UntrustedText.line(pair.getReason()));
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void testCase(String policy, HostResult host, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "dcom." + host.getTarget().getRole().label());
        xml.writeAttribute("name", host.getTarget().label());
        Long total = host.getPhaseMillis().get("total");
        xml.writeAttribute("time", seconds(total == null ? 0 : total));
        Outcome outcome = host.getStatus().outcome();
        if (outcome != Outcome.OK) {
            xml.writeStartElement(outcome == Outcome.FAILED ? "error" : "failure");
            xml.writeAttribute("type", host.getStatus().name());
            xml.writeAttribute("message", UntrustedText.line(message(host)));
            xml.writeCharacters(details(policy, host));
            xml.writeEndElement();
        }
        xml.writeStartElement("system-out");
        StringBuilder out = new StringBuilder(host.getStatus() + ": " + UntrustedText.line(host.getMessage()));
        for (Check check : host.getChecks()) {
            out.append('\n').append(check.getResult()).append(' ').append(check.getRule()).append(": ")
                    .append(UntrustedText.line(check.getDetail()));
        }
        xml.writeCharacters(out.toString());
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static String message(HostResult host) {
        if (host.getBefore() == null) {
            return host.getStatus() + ": " + host.getMessage();
        }
        String expected = host.getPlanned() != null ? UntrustedText.list(host.getPlanned()) : "a list that complies";
        return host.getStatus() + ": expected " + expected + " but was " + UntrustedText.list(host.getAfter());
    }

    private static String details(String policy, HostResult host) {
        StringBuilder text = new StringBuilder(UntrustedText.line(host.getMessage())).append('\n');
        text.append("policy: ").append(policy).append('\n');
        text.append("before: ").append(UntrustedText.list(host.getBefore())).append('\n');
        text.append("after:  ").append(UntrustedText.list(host.getAfter())).append('\n');
        text.append("diff:   ").append(host.diff()).append('\n');
        return text.toString();
    }

    private static String seconds(long millis) {
        long magnitude = Math.abs(millis);
        String thousandths = String.valueOf(1000 + magnitude % 1000).substring(1);
        return (millis < 0 ? "-" : "") + magnitude / 1000 + "." + thousandths;
    }
}
