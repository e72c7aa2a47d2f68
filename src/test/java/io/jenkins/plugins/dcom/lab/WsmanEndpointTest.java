package io.jenkins.plugins.dcom.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lab endpoint serves other clients the way Windows does: arguments in {@code rsp:Arguments}, Signal after Done,
 * and {@code RelatesTo} echoing every request's MessageID (pypsrp and winrm4j check it). These exchanges use Basic in
 * clear on a host whose WinRM service allows both (Basic, AllowUnencrypted); NTLM and sealing are judged by pywinrm in
 * {@link PywinrmCrossCheckTest}.
 */
class WsmanEndpointTest {
    private static final String PASSWORD = "Endpoint-Test-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private LabFleet fleet;
    private String url;

    @BeforeEach
    void start() throws Exception {
        fleet = LabFleet.start(Arrays.asList(LabHostSpec.host("H", "ncadg_ip_udp", "ncacn_ip_tcp"),
                LabHostSpec.host("BASIC", "ncadg_ip_udp", "ncacn_ip_tcp").service(WinRmServiceSetting.BASIC)
                        .service(WinRmServiceSetting.ALLOW_UNENCRYPTED)), PASSWORD, null, 0);
        url = "http://127.0.0.1:" + fleet.host("BASIC").port() + "/wsman";
    }

    @Test
    void aDefaultHostOffersNegotiateAndKerberosButNotBasic() throws Exception {
        url = "http://127.0.0.1:" + fleet.host("H").port() + "/wsman";
        HttpResponse<String> response = post(envelope(WsmanResponses.CREATE, "uuid:1", null, ""), true);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Negotiate", "Kerberos");
        assertThat(fleet.host("H").counters().rejectedLogons()).isZero();
    }

    @AfterEach
    void stop() {
        fleet.close();
    }

    private HttpResponse<String> post(String body, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/soap+xml;charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("labadmin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String action, String messageId, String shellId, String body) {
        String selector = shellId == null ? "" : "<w:SelectorSet><w:Selector Name=\"ShellId\">" + shellId + "</w:Selector></w:SelectorSet>";
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\""
                + " xmlns:w=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" xmlns:rsp=\"http://schemas.microsoft.com/wbem/wsman/1/windows/shell\">"
                + "<s:Header><wsa:Action s:mustUnderstand=\"true\">" + action + "</wsa:Action><wsa:MessageID>" + messageId
                + "</wsa:MessageID><w:ResourceURI>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/cmd</w:ResourceURI>"
                + selector + "</s:Header><s:Body>" + body + "</s:Body></s:Envelope>";
    }

    private static String first(String pattern, String text) {
        Matcher matcher = Pattern.compile(pattern).matcher(text);
        assertThat(matcher.find()).as(pattern + " in " + text).isTrue();
        return matcher.group(1);
    }

    @Test
    void aHostWithBasicOnOffersItBesideNegotiate() throws Exception {
        HttpResponse<String> response = post(envelope(WsmanResponses.CREATE, "uuid:1", null, ""), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("WWW-Authenticate")).contains("Negotiate", "Basic realm=\"WSMAN\"");
    }

    @Test
    void shouldRunACommandGivenAsSeparateArgumentsAndEchoEveryMessageId() throws Exception {
        String id = "uuid:" + UUID.randomUUID();
        HttpResponse<String> created = post(envelope(WsmanResponses.CREATE, id, null,
                "<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>"), true);
        assertThat(first("RelatesTo>([^<]+)<", created.body())).isEqualTo(id);
        String shellId = first("Name=\"ShellId\">([^<]+)<", created.body());

        id = "uuid:" + UUID.randomUUID();
        HttpResponse<String> command = post(envelope(WsmanResponses.COMMAND, id, shellId, "<rsp:CommandLine><rsp:Command>reg</rsp:Command>"
                + "<rsp:Arguments>query</rsp:Arguments><rsp:Arguments>HKLM\\SOFTWARE\\Microsoft\\Rpc</rsp:Arguments>"
                + "<rsp:Arguments>/v</rsp:Arguments><rsp:Arguments>\"DCOM Protocols\"</rsp:Arguments></rsp:CommandLine>"), true);
        assertThat(first("RelatesTo>([^<]+)<", command.body())).isEqualTo(id);
        String commandId = first("CommandId>([^<]+)<", command.body());

        id = "uuid:" + UUID.randomUUID();
        HttpResponse<String> receive = post(envelope(WsmanResponses.RECEIVE, id, shellId,
                "<rsp:Receive><rsp:DesiredStream CommandId=\"" + commandId + "\">stdout stderr</rsp:DesiredStream></rsp:Receive>"), true);
        assertThat(first("RelatesTo>([^<]+)<", receive.body())).isEqualTo(id);
        assertThat(receive.body()).contains("CommandState/Done").contains("<rsp:ExitCode>0</rsp:ExitCode>");
        String stdout = new String(Base64.getDecoder().decode(first("Name=\"stdout\"[^>]*>([^<]+)<", receive.body())), StandardCharsets.UTF_8);
        assertThat(stdout).contains("    DCOM Protocols    REG_MULTI_SZ    ncadg_ip_udp\\0ncacn_ip_tcp\r\n");

        HttpResponse<String> signal = post(envelope(WsmanResponses.SIGNAL, "uuid:s", shellId, "<rsp:Signal CommandId=\"" + commandId
                + "\"><rsp:Code>http://schemas.microsoft.com/wbem/wsman/1/windows/shell/signal/terminate</rsp:Code></rsp:Signal>"), true);
        assertThat(signal.statusCode()).isEqualTo(200);
        assertThat(post(envelope(WsmanResponses.DELETE, "uuid:d", shellId, ""), true).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldFaultOnAnUnknownShellAsWindowsDoes() throws Exception {
        HttpResponse<String> response = post(envelope(WsmanResponses.COMMAND, "uuid:x", "NO-SUCH-SHELL",
                "<rsp:CommandLine><rsp:Command>reg</rsp:Command></rsp:CommandLine>"), true);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("w:InvalidSelectors").contains("2150858843");
    }
}
