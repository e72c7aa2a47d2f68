package io.jenkins.plugins.dcom.transport.winrm;

import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One answer of the WinRM service, read in one pass without DTDs or entities other than XML's own: the host's text is
 * untrusted. Keeps what the shell protocol needs (ShellId, CommandId, output streams, command state, exit code) and a
 * fault's codes; each element's text is all the text inside it, as the DOM's {@code getTextContent} gives it.
 *
 * <p>Read with Aalto, FasterXML's StAX parser: a host's five answers each parsed by the JDK's DOM builder cost a cold
 * 100-host audit about 0.3 s of CPU (the parse, and the JIT compiling Xerces), Aalto about half (docs/benchmark.md).
 */
final class WsmanReply {
    private static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    private static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    private static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";
    private static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
    private static final String FAULT_DETAIL = "http://schemas.microsoft.com/wbem/wsman/1/wsmanfault";
    private static final String DONE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done";
    private static final Pattern SIGNED_NUMBER = Pattern.compile("-?[0-9]{1,10}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,10}");
    /** The elements whose first occurrence's text is kept, as {@code {namespace}name}. */
    private static final List<String> TEXTS = Arrays.asList(key(ADDRESSING, "RelatesTo"), key(SHELL, "ShellId"),
            key(SHELL, "CommandId"), key(SHELL, "ExitCode"), key(SOAP, "Text"), key(SOAP, "Subcode"));
    private static final String SELECTOR = "selector";
    private static final String STREAM = "stream";
    /** Thread-safe once configured; made once, as a factory lookup per answer cost more than the parse. */
    private static final XMLInputFactory XML = factory();

    /** The first text of each element of {@link #TEXTS} found, trimmed. */
    private final Map<String, String> texts = new HashMap<>();
    /** The output streams in order: name ({@code stdout}, {@code stderr}), then the Base64 text. */
    private final List<String[]> streams = new ArrayList<>();
    private String shellIdSelector;
    private String commandState;
    private String wsmanFaultCode;
    private boolean fault;

    private WsmanReply() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = new InputFactoryImpl();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, Boolean.TRUE);
        factory.setProperty(XMLInputFactory.IS_COALESCING, Boolean.TRUE);
        return factory;
    }

    private static String key(String namespace, String name) {
        return "{" + namespace + "}" + name;
    }

    /** @throws IOException when the body is no XML document, or declares a DTD */
    static WsmanReply parse(byte[] body) throws IOException {
        WsmanReply reply = new WsmanReply();
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                reply.read(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IOException("the WinRM service's answer is not a SOAP envelope", e);
        }
        return reply;
    }

    /** One pass: each element of interest collects the text inside it until it ends. */
    private void read(XMLStreamReader xml) throws XMLStreamException, IOException {
        List<Capture> open = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new IOException("the WinRM service's answer declares a DTD");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                for (Capture capture : open) {
                    capture.depth++;
                }
                Capture capture = started(xml, open);
                if (capture != null) {
                    open.add(capture);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                for (Capture capture : open) {
                    capture.text.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                for (int i = open.size() - 1; i >= 0; i--) {
                    if (open.get(i).depth-- == 0) {
                        ended(open.remove(i));
                    }
                }
            }
        }
    }

    /**
     * @param open the captures of the elements around this one
     * @return a capture for the element just started when its text is wanted (the first of its kind in document order,
     *         as the DOM's first match); notes its attributes of interest
     */
    private Capture started(XMLStreamReader xml, List<Capture> open) {
        String namespace = xml.getNamespaceURI();
        String name = xml.getLocalName();
        if (SOAP.equals(namespace) && "Fault".equals(name)) {
            fault = true;
        } else if (SHELL.equals(namespace) && "CommandState".equals(name) && commandState == null) {
            commandState = attribute(xml, "State");
        } else if (FAULT_DETAIL.equals(namespace) && "WSManFault".equals(name) && wsmanFaultCode == null) {
            wsmanFaultCode = attribute(xml, "Code").trim();
        } else if (WSMAN.equals(namespace) && "Selector".equals(name) && "ShellId".equals(attribute(xml, "Name"))) {
            return shellIdSelector == null && !isOpen(open, SELECTOR) ? new Capture(SELECTOR, null) : null;
        } else if (SHELL.equals(namespace) && "Stream".equals(name)) {
            return isOpen(open, STREAM) ? null : new Capture(STREAM, attribute(xml, "Name"));
        }
        String key = key(namespace, name);
        return TEXTS.contains(key) && !texts.containsKey(key) && !isOpen(open, key) ? new Capture(key, null) : null;
    }

    private static boolean isOpen(List<Capture> open, String what) {
        for (Capture capture : open) {
            if (capture.what.equals(what)) {
                return true;
            }
        }
        return false;
    }

    private void ended(Capture capture) {
        String text = capture.text.toString().trim();
        if (SELECTOR.equals(capture.what)) {
            shellIdSelector = text;
        } else if (STREAM.equals(capture.what)) {
            streams.add(new String[] {capture.streamName, text});
        } else {
            texts.putIfAbsent(capture.what, text);
        }
    }

    /** @return the unprefixed attribute's value, or "" when absent (as the DOM's {@code getAttribute}) */
    private static String attribute(XMLStreamReader xml, String name) {
        String value = xml.getAttributeValue(null, name);
        return value == null ? "" : value;
    }

    /** The text inside one element, collected while it is open. */
    private static final class Capture {
        final String what;
        final String streamName;
        final StringBuilder text = new StringBuilder();
        /** Elements opened inside it and not yet closed. */
        int depth;

        Capture(String what, String streamName) {
            this.what = what;
            this.streamName = streamName;
        }
    }

    String relatesTo() {
        return text(ADDRESSING, "RelatesTo");
    }

    /** @return the ShellId selector of a Create's answer, else its {@code rsp:ShellId} */
    String shellId() {
        return shellIdSelector != null ? shellIdSelector : text(SHELL, "ShellId");
    }

    String commandId() {
        return text(SHELL, "CommandId");
    }

    /** Appends the stdout and stderr bytes of a Receive's answer: decoded once, whole, by the caller. */
    void appendStreams(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) throws IOException {
        for (String[] stream : streams) {
            if (!stream[1].isEmpty()) {
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder().decode(stream[1]);
                } catch (IllegalArgumentException e) {
                    throw new IOException("a WinRM output stream is not base64", e);
                }
                ("stderr".equals(stream[0]) ? stderr : stdout).write(bytes);
            }
        }
    }

    /** @return whether the command has finished ({@code CommandState} Done) */
    boolean isDone() {
        return DONE.equals(commandState);
    }

    /**
     * @return the exit code of a finished command as the 32-bit value Windows keeps (written signed or unsigned), or
     *         {@code null} when the answer carries none or a number no process can exit with
     */
    Integer exitCode() {
        String code = text(SHELL, "ExitCode");
        if (!SIGNED_NUMBER.matcher(code).matches()) {
            return null;
        }
        long value = Long.parseLong(code);
        return value < Integer.MIN_VALUE || value > 0xFFFFFFFFL ? null : Integer.valueOf((int) value);
    }

    /** @return whether the envelope is a SOAP fault */
    boolean isFault() {
        return fault;
    }

    /** @return the fault's WSManFault Code (a Win32 or WinRM error number), or {@code null} when it gives none */
    Long faultCode() {
        String code = wsmanFaultCode == null ? "" : wsmanFaultCode;
        return NUMBER.matcher(code).matches() ? Long.valueOf(code) : null;
    }

    /** @return the fault's subcode without its prefix, e.g. {@code TimedOut}, or "" */
    String faultSubcode() {
        String value = text(SOAP, "Subcode");
        return value.substring(value.indexOf(':') + 1);
    }

    /** @return the fault's reason as the host wrote it: untrusted, localized, for display only */
    String faultText() {
        return text(SOAP, "Text");
    }

    private String text(String namespace, String localName) {
        String text = texts.get(key(namespace, localName));
        return text == null ? "" : text;
    }
}
