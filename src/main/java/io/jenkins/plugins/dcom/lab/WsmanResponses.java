package io.jenkins.plugins.dcom.lab;

import java.nio.charset.Charset;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

/** SOAP envelopes as Windows Remote Management answers them, each echoing the request's MessageID. */
final class WsmanResponses {
    static final String CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    static final String COMMAND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
    static final String RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
    static final String SIGNAL = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Signal";
    static final String SEND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Send";
    private static final String RESOURCE_CMD = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";

    private WsmanResponses() {
    }

    static String created(String relatesTo, String address, String shellId) {
        return envelope(CREATE + "Response", relatesTo, "<x:ResourceCreated><a:Address>" + escape(address)
                + "</a:Address><a:ReferenceParameters><w:ResourceURI>" + RESOURCE_CMD + "</w:ResourceURI>"
                + "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>"
                + "</a:ReferenceParameters></x:ResourceCreated><rsp:Shell><rsp:ShellId>" + shellId
                + "</rsp:ShellId><rsp:ResourceUri>" + RESOURCE_CMD + "</rsp:ResourceUri></rsp:Shell>");
    }

    static String commandStarted(String relatesTo, String commandId) {
        return envelope(COMMAND + "Response", relatesTo,
                "<rsp:CommandResponse><rsp:CommandId>" + commandId + "</rsp:CommandId></rsp:CommandResponse>");
    }

    /** @param codePage the shell's console code page: the output's bytes are in it, as cmd.exe writes them */
    static String received(String relatesTo, String commandId, CommandOutput output, Charset codePage) {
        return envelope(RECEIVE + "Response", relatesTo, "<rsp:ReceiveResponse>"
                + stream("stdout", commandId, output.stdout, codePage) + stream("stderr", commandId, output.stderr, codePage)
                + "<rsp:CommandState CommandId=\"" + commandId
                + "\" State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done\">"
                + "<rsp:ExitCode>" + output.exitCode + "</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse>");
    }

    static String empty(String action, String relatesTo) {
        return envelope(action + "Response", relatesTo, "");
    }

    static String signalled(String relatesTo) {
        return envelope(SIGNAL + "Response", relatesTo, "<rsp:SignalResponse/>");
    }

    /** A WS-Management fault with Windows' error code, e.g. 2150858843 for an unknown shell. */
    static String fault(String relatesTo, String subcode, long windowsCode, String text) {
        return envelope("http://schemas.dmtf.org/wbem/wsman/1/wsman/fault", relatesTo,
                "<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:" + subcode
                        + "</s:Value></s:Subcode></s:Code><s:Reason><s:Text xml:lang=\"en-US\">" + escape(text)
                        + "</s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\""
                        + windowsCode + "\" Machine=\"localhost\"><f:Message>" + escape(text)
                        + "</f:Message></f:WSManFault></s:Detail></s:Fault>");
    }

    private static String stream(String name, String commandId, String text, Charset codePage) {
        String open = "<rsp:Stream Name=\"" + name + "\" CommandId=\"" + commandId + "\"";
        String data = text.isEmpty() ? "" : open + ">"
                + Base64.getEncoder().encodeToString(text.getBytes(codePage)) + "</rsp:Stream>";
        return data + open + " End=\"true\"></rsp:Stream>";
    }

    private static String envelope(String action, String relatesTo, String body) {
        return "<s:Envelope xml:lang=\"en-US\" xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:x=\"http://schemas.xmlsoap.org/ws/2004/09/transfer\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
                + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\""
                + " xmlns:p=\"http://schemas.microsoft.com/wbem/wsman/1/wsman.xsd\">"
                + "<s:Header><a:Action>" + action + "</a:Action><a:MessageID>uuid:"
                + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "</a:MessageID>"
                + "<a:To>http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:To>"
                + "<a:RelatesTo>" + escape(relatesTo) + "</a:RelatesTo></s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
