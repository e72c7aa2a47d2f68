package io.jenkins.plugins.dcom.lab;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** The parts of a WS-Management shell request the lab needs, read namespace-aware from the SOAP envelope. */
final class WsmanRequest {
    static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";
    static final String WSMAN = "http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd";
    static final String SHELL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell";

    private final Document document;

    private WsmanRequest(Document document) {
        this.document = document;
    }

    static WsmanRequest parse(InputStream body) throws IOException {
        try {
            return new WsmanRequest(builder().parse(body));
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException("not a SOAP envelope: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        return factory.newDocumentBuilder();
    }

    String action() {
        return text(ADDRESSING, "Action");
    }

    String messageId() {
        return text(ADDRESSING, "MessageID");
    }

    /** @return the ShellId selector, or {@code null} */
    String shellId() {
        NodeList selectors = document.getElementsByTagNameNS(WSMAN, "Selector");
        for (int i = 0; i < selectors.getLength(); i++) {
            Element selector = (Element) selectors.item(i);
            if ("ShellId".equals(selector.getAttribute("Name"))) {
                return selector.getTextContent().trim();
            }
        }
        return null;
    }

    /**
     * @return the command line: {@code rsp:Command} followed by any {@code rsp:Arguments}, as cmd.exe receives it
     */
    String commandLine() {
        StringBuilder line = new StringBuilder(text(SHELL, "Command"));
        NodeList arguments = document.getElementsByTagNameNS(SHELL, "Arguments");
        for (int i = 0; i < arguments.getLength(); i++) {
            line.append(' ').append(arguments.item(i).getTextContent());
        }
        return line.toString();
    }

    /** @return the {@code WINRS_CODEPAGE} option of a Create, or {@code null} when the client asked for none */
    String codePage() {
        NodeList options = document.getElementsByTagNameNS(WSMAN, "Option");
        for (int i = 0; i < options.getLength(); i++) {
            Element option = (Element) options.item(i);
            if ("WINRS_CODEPAGE".equals(option.getAttribute("Name"))) {
                return option.getTextContent().trim();
            }
        }
        return null;
    }

    /** @return the CommandId of a Receive's DesiredStream or of a Signal, or {@code null} */
    String commandId() {
        for (String element : new String[] {"DesiredStream", "Signal"}) {
            NodeList nodes = document.getElementsByTagNameNS(SHELL, element);
            if (nodes.getLength() > 0) {
                Element found = (Element) nodes.item(0);
                String id = found.hasAttributeNS(SHELL, "CommandId") ? found.getAttributeNS(SHELL, "CommandId")
                        : found.getAttribute("CommandId");
                return id.isEmpty() ? null : id;
            }
        }
        return null;
    }

    private String text(String namespace, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(namespace, localName);
        return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent().trim();
    }
}
