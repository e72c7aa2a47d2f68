package io.jenkins.plugins.dcom.transport.winrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the client believes of an answer: exit codes as Windows keeps them, fault codes, and no DTD. */
class WsmanReplyTest {
    private static WsmanReply reply(String body) throws IOException {
        return WsmanReply.parse(("<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\""
                + " xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\"><s:Body>" + body
                + "</s:Body></s:Envelope>").getBytes(StandardCharsets.UTF_8));
    }

    private static WsmanReply exit(String code) throws IOException {
        return reply("<rsp:ReceiveResponse><rsp:CommandState State=\"http://schemas.microsoft.com/wbem/wsman/1/windows/"
                + "shell/CommandState/Done\"><rsp:ExitCode>" + code + "</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse>");
    }

    @Test
    void anExitCodeWrittenUnsignedIsTheSameWin32Value() throws IOException {
        assertThat(exit("1190").exitCode()).isEqualTo(1190);
        assertThat(exit("4294967295").exitCode()).isEqualTo(-1);
        assertThat(exit("-1").exitCode()).isEqualTo(-1);
    }

    @Test
    void anExitCodeNoProcessCanHaveIsNotBelievedAsSuccess() throws IOException {
        assertThat(exit("4294967296").exitCode()).isNull();
        assertThat(exit("0x0").exitCode()).isNull();
    }

    @Test
    void aFaultGivesItsWsmanCodeAndSubcode() throws IOException {
        WsmanReply fault = reply("<s:Fault><s:Code><s:Value>s:Sender</s:Value><s:Subcode><s:Value>w:AccessDenied</s:Value>"
                + "</s:Subcode></s:Code><s:Reason><s:Text>Zugriff verweigert</s:Text></s:Reason><s:Detail>"
                + "<f:WSManFault xmlns:f=\"http://schemas.microsoft.com/wbem/wsman/1/wsmanfault\" Code=\"2150859180\"/>"
                + "</s:Detail></s:Fault>");

        assertThat(fault.isFault()).isTrue();
        assertThat(fault.faultCode()).isEqualTo(2150859180L);
        assertThat(fault.faultSubcode()).isEqualTo("AccessDenied");
    }

    @Test
    void anAnswerWithADoctypeIsRefused() {
        assertThatThrownBy(() -> WsmanReply.parse(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void anAnswerWithAnUndeclaredEntityOrTextAfterTheEnvelopeIsRefused() {
        assertThatThrownBy(() -> reply("<rsp:CommandId>&e;</rsp:CommandId>")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WsmanReply.parse("<x/><y/>".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> WsmanReply.parse("not xml".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    @Test
    void textIsEverythingInsideTheElementWithXmlsEscapesAndCdataResolved() throws IOException {
        WsmanReply reply = reply("<rsp:CommandId> <![CDATA[C-1]]>&amp;<b>2</b>&#x41; </rsp:CommandId>");

        assertThat(reply.commandId()).isEqualTo("C-1&2A");
    }

    @Test
    void theFirstElementInDocumentOrderIsTheOneRead() throws IOException {
        WsmanReply reply = reply("<rsp:CommandId>outer<rsp:CommandId>inner</rsp:CommandId></rsp:CommandId>"
                + "<rsp:CommandId>later</rsp:CommandId>");

        assertThat(reply.commandId()).isEqualTo("outerinner");
    }

    @Test
    void aCreatesShellIdComesFromItsSelectorFirst() throws IOException {
        String selector = "<w:SelectorSet xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\">"
                + "<w:Selector Name=\"Other\">X</w:Selector><w:Selector Name=\"ShellId\"> S-1 </w:Selector></w:SelectorSet>";

        assertThat(reply(selector + "<rsp:Shell><rsp:ShellId>S-2</rsp:ShellId></rsp:Shell>").shellId()).isEqualTo("S-1");
        assertThat(reply("<rsp:Shell><rsp:ShellId>S-2</rsp:ShellId></rsp:Shell>").shellId()).isEqualTo("S-2");
    }

    @Test
    void streamsAreDecodedInOrderAndStderrKeptApart() throws IOException {
        WsmanReply reply = reply("<rsp:ReceiveResponse><rsp:Stream Name=\"stdout\">b25l</rsp:Stream>"
                + "<rsp:Stream Name=\"stderr\">ZXJy</rsp:Stream><rsp:Stream Name=\"stdout\" End=\"true\"/>"
                + "<rsp:Stream>dHdv</rsp:Stream></rsp:ReceiveResponse>");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();

        reply.appendStreams(stdout, stderr);

        assertThat(stdout.toString("UTF-8")).isEqualTo("onetwo");
        assertThat(stderr.toString("UTF-8")).isEqualTo("err");
        assertThat(reply.isDone()).isFalse();
        assertThat(reply.isFault()).isFalse();
    }

    @Test
    void anAnswerWithoutTheElementsGivesNothingRatherThanFailing() throws IOException {
        WsmanReply reply = reply("");

        assertThat(reply.relatesTo()).isEmpty();
        assertThat(reply.shellId()).isEmpty();
        assertThat(reply.exitCode()).isNull();
        assertThat(reply.faultCode()).isNull();
        assertThat(reply.faultSubcode()).isEmpty();
    }
}
