package io.jenkins.plugins.dcom.transport.winrm;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * The WS-Management messages of a remote cmd shell ([MS-WSMV] 3.1.4.1 Create, 3.1.4.11 Command, 3.1.4.14 Receive,
 * 3.1.4.2 Delete), each with a new MessageID that the answer must echo in RelatesTo. The shell asks
 * for code page 65001, so output arrives as UTF-8 in every Windows language.
 */
final class WsmanEnvelopes {
    static final String CREATE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Create";
    static final String DELETE = "http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete";
    static final String COMMAND = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Command";
    static final String RECEIVE = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/Receive";
    private static final String CMD = "http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd";
    /** UTF-8: the console code page the shell is asked for. */
    static final String CODE_PAGE = "65001";

    private final String endpoint;
    private final int operationTimeoutSeconds;

    /**
     * @param endpoint                the URL the messages are addressed to
     * @param operationTimeoutSeconds how long the service may hold a Receive before answering with a timeout fault
     */
    WsmanEnvelopes(String endpoint, int operationTimeoutSeconds) {
        this.endpoint = endpoint;
        this.operationTimeoutSeconds = operationTimeoutSeconds;
    }

    /** One message and the MessageID its answer must relate to. */
    static final class Message {
        final String id;
        final byte[] xml;

        Message(String id, String xml) {
            this.id = id;
            this.xml = xml.getBytes(StandardCharsets.UTF_8);
        }
    }

    Message create() {
        return message(CREATE, null, "<w:OptionSet><w:Option Name=\"WINRS_NOPROFILE\">TRUE</w:Option>"
                        + "<w:Option Name=\"WINRS_CODEPAGE\">" + CODE_PAGE + "</w:Option></w:OptionSet>",
                "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>");
    }

    /** @param commandLine the whole line cmd.exe runs; its arguments were validated by the caller */
    Message command(String shellId, String commandLine) {
        return message(COMMAND, shellId, "<w:OptionSet><w:Option Name=\"WINRS_CONSOLEMODE_STDIN\">TRUE</w:Option>"
                        + "<w:Option Name=\"WINRS_SKIP_CMD_SHELL\">FALSE</w:Option></w:OptionSet>",
                "<rsp:CommandLine><rsp:Command>" + escape(commandLine) + "</rsp:Command></rsp:CommandLine>");
    }

    Message receive(String shellId, String commandId) {
        return message(RECEIVE, shellId, "", "<rsp:Receive><rsp:DesiredStream CommandId=\"" + escape(commandId)
                + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>");
    }

    Message delete(String shellId) {
        return message(DELETE, shellId, "", "");
    }

    private Message message(String action, String shellId, String options, String body) {
        String id = "uuid:" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        String selector = shellId == null ? ""
                : "<w:SelectorSet><w:Selector Name=\"ShellId\">" + escape(shellId) + "</w:Selector></w:SelectorSet>";
        return new Message(id, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:a=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\""
                + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\"><s:Header>"
                + "<a:To>" + escape(endpoint) + "</a:To>"
                + "<a:ReplyTo><a:Address s:mustUnderstand=\"true\">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>"
                + "<w:MaxEnvelopeSize s:mustUnderstand=\"true\">153600</w:MaxEnvelopeSize>"
                + "<a:MessageID>" + id + "</a:MessageID>"
                + "<w:Locale xml:lang=\"en-US\" s:mustUnderstand=\"false\"/>"
                + "<w:OperationTimeout>PT" + operationTimeoutSeconds + "S</w:OperationTimeout>"
                + "<w:ResourceURI s:mustUnderstand=\"true\">" + CMD + "</w:ResourceURI>"
                + "<a:Action s:mustUnderstand=\"true\">" + action + "</a:Action>"
                + selector + options + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
