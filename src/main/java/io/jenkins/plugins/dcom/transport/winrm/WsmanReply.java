package io.jenkins.plugins.dcom.transport.winrm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One answer of the WinRM service, parsed without DTDs or external entities: the host's text is untrusted. Reads what
 * the shell protocol needs (ShellId, CommandId, output streams, command state, exit code) and a fault's codes.
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
    private final Document document;

    private WsmanReply(Document document) {
        this.document = document;
    }

    /**
     * One parser per thread, made once: looking up and configuring a parser factory for each of a host's five answers
     * cost more than parsing them. A builder is not thread-safe; each parse resets it.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = new ThreadLocal<>();

    /** @throws IOException when the body is no XML document */
    static WsmanReply parse(byte[] body) throws IOException {
        try {
            DocumentBuilder builder = builder();
            try {
                return new WsmanReply(builder.parse(new ByteArrayInputStream(body)));
            } finally {
                builder.reset();
            }
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("the WinRM service's answer is not a SOAP envelope", e);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilder builder = BUILDERS.get();
        if (builder == null) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            builder = factory.newDocumentBuilder();
            BUILDERS.set(builder);
        }
        return builder;
    }

    String relatesTo() {
        return text(ADDRESSING, "RelatesTo");
    }

    /** @return the ShellId selector of a Create's answer, else its {@code rsp:ShellId} */
    String shellId() {
        NodeList selectors = document.getElementsByTagNameNS(WSMAN, "Selector");
        for (int i = 0; i < selectors.getLength(); i++) {
            Element selector = (Element) selectors.item(i);
            if ("ShellId".equals(selector.getAttribute("Name"))) {
                return selector.getTextContent().trim();
            }
        }
        return text(SHELL, "ShellId");
    }

    String commandId() {
        return text(SHELL, "CommandId");
    }

    /** Appends the stdout and stderr bytes of a Receive's answer: decoded once, whole, by the caller. */
    void appendStreams(ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) throws IOException {
        NodeList streams = document.getElementsByTagNameNS(SHELL, "Stream");
        for (int i = 0; i < streams.getLength(); i++) {
            Element stream = (Element) streams.item(i);
            String data = stream.getTextContent().trim();
            if (!data.isEmpty()) {
                byte[] bytes;
                try {
                    bytes = Base64.getMimeDecoder().decode(data);
                } catch (IllegalArgumentException e) {
                    throw new IOException("a WinRM output stream is not base64", e);
                }
                ("stderr".equals(stream.getAttribute("Name")) ? stderr : stdout).write(bytes);
            }
        }
    }

    /** @return whether the command has finished ({@code CommandState} Done) */
    boolean isDone() {
        NodeList states = document.getElementsByTagNameNS(SHELL, "CommandState");
        return states.getLength() > 0 && DONE.equals(((Element) states.item(0)).getAttribute("State"));
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
        return document.getElementsByTagNameNS(SOAP, "Fault").getLength() > 0;
    }

    /** @return the fault's WSManFault Code (a Win32 or WinRM error number), or {@code null} when it gives none */
    Long faultCode() {
        NodeList details = document.getElementsByTagNameNS(FAULT_DETAIL, "WSManFault");
        String code = details.getLength() == 0 ? "" : ((Element) details.item(0)).getAttribute("Code").trim();
        return NUMBER.matcher(code).matches() ? Long.valueOf(code) : null;
    }

    /** @return the fault's subcode without its prefix, e.g. {@code TimedOut}, or "" */
    String faultSubcode() {
        NodeList subcodes = document.getElementsByTagNameNS(SOAP, "Subcode");
        if (subcodes.getLength() == 0) {
            return "";
        }
        String value = subcodes.item(0).getTextContent().trim();
        return value.substring(value.indexOf(':') + 1);
    }

    /** @return the fault's reason as the host wrote it: untrusted, localized, for display only */
    String faultText() {
        return text(SOAP, "Text");
    }

    private String text(String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
