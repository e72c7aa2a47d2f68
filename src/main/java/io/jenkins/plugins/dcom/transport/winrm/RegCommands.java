package io.jenkins.plugins.dcom.transport.winrm;

import com.xebialabs.overthere.CmdLine;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import java.util.List;

/**
 * The exact command lines sent over WinRM. Arguments are validated by the caller ({@link ProtocolValues#check},
 * {@link RestartRequest}); Overthere quotes those with spaces. Remediation sends one command that writes and reads
 * back, so it costs one WinRM shell like an audit does.
 */
final class RegCommands {
    private RegCommands() {
    }

    /** The second separator {@code reg query /se} is asked for; see {@link RegQueryOutput}. */
    static final String SECOND_SEPARATOR = "#";

    /**
     * {@code reg query "HKLM\SOFTWARE\Microsoft\Rpc" /v "DCOM Protocols" && reg query ... /se #}: the value twice,
     * its entries joined by {@code \0} and by {@code #}, so that an entry holding either text is told apart.
     */
    static CmdLine query() {
        return appendQuery(new CmdLine());
    }

    /** The PowerShell that prints the last boot time in UTC ticks: the same digits in every language. */
    static final String BOOT_TIME_SCRIPT = "(Get-CimInstance Win32_OperatingSystem).LastBootUpTime.ToUniversalTime().Ticks";

    /** {@code powershell -NoProfile -NonInteractive -Command "<BOOT_TIME_SCRIPT>"}, as Ansible reads boot time. */
    static CmdLine bootTime() {
        return new CmdLine().addArgument("powershell").addArgument("-NoProfile").addArgument("-NonInteractive")
                .addArgument("-Command").addArgument(BOOT_TIME_SCRIPT);
    }

    /** {@code reg query "HKLM\<subkey>" /v <name>}; both validated by the caller */
    static CmdLine queryValue(String subkey, String name) {
        return new CmdLine().addArgument("reg").addArgument("query").addArgument("HKLM\\" + subkey)
                .addArgument("/v").addArgument(name);
    }

    /** {@code reg query "HKLM\SOFTWARE\Microsoft\Rpc"}: lists the key; exit 0 when it exists and can be read. */
    static CmdLine queryKey() {
        return new CmdLine().addArgument("reg").addArgument("query").addArgument(ProtocolValues.KEY);
    }

    /** {@code reg add ... /t REG_MULTI_SZ /d a\0b /f &&} the two queries of {@link #query()} */
    static CmdLine writeAndReadBack(List<String> protocols) {
        CmdLine cmd = new CmdLine()
                .addArgument("reg").addArgument("add").addArgument(ProtocolValues.KEY)
                .addArgument("/v").addArgument(ProtocolValues.VALUE)
                .addArgument("/t").addArgument("REG_MULTI_SZ")
                .addArgument("/d").addArgument(String.join("\\0", protocols))
                .addArgument("/f");
        cmd.addRaw("&&");
        return appendQuery(cmd);
    }

    /** {@code shutdown /r /t <delay> /c "<comment>" /d p:2:4} */
    static CmdLine restart(RestartRequest request) {
        return new CmdLine()
                .addArgument("shutdown").addArgument("/r")
                .addArgument("/t").addArgument(String.valueOf(request.getDelaySeconds()))
                .addArgument("/c").addRaw("\"" + request.getComment() + "\"")
                .addArgument("/d").addArgument("p:2:4");
    }

    private static CmdLine appendQuery(CmdLine cmd) {
        cmd.addArgument("reg").addArgument("query").addArgument(ProtocolValues.KEY)
                .addArgument("/v").addArgument(ProtocolValues.VALUE);
        cmd.addRaw("&&");
        return cmd.addArgument("reg").addArgument("query").addArgument(ProtocolValues.KEY)
                .addArgument("/v").addArgument(ProtocolValues.VALUE).addArgument("/se").addArgument(SECOND_SEPARATOR);
    }
}
