package io.jenkins.plugins.dcom.plugin;

import hudson.EnvVars;
import hudson.tasks.Builder;
import io.jenkins.plugins.dcom.contract.Defaults;
import io.jenkins.plugins.dcom.contract.RolloutSpec;
import io.jenkins.plugins.dcom.contract.TransportNames;
import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.policy.Presets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The options both build steps share, each declared once, here: its name (the bean property, which is also the
 * form's field, the Pipeline argument and the config.xml element), its default (the field's initial value), its
 * normalisation (the setter) and the command-line words it becomes ({@link #arguments(EnvVars)}). The form is this
 * class's {@code config.jelly}, with a help page per option beside it; each step adds only how it gets the password.
 *
 * <p>Every option is optional: the setters are {@code @DataBoundSetter}s, so Jenkins (Pipeline, Job DSL,
 * configuration as code) sets any by name and leaves the rest at their defaults. Hudson's Stapler binds no setters,
 * so {@link StepDescriptor#newInstance} applies them from the form, the same for both servers. A step saved by an
 * earlier version loads with its element names unchanged; what it lacks reads as that version behaved
 * ({@link #readResolve()}).
 *
 * <p>Stapler reads this class with an old ASM: no lambdas or method references here.
 */
public abstract class StepOptions extends Builder {
    private String servers = "";
    private String inventoryFile = "";
    private String policy = Presets.KB272937;
    private String policyYaml = "";
    private String mode = StepMode.AUDIT.name();
    private String transport = TransportNames.DEFAULT;
    private String user = "";
    private String truststore = "";
    private boolean allowHttp;
    /** Since 0.2: {@code null} in a step saved before, which logged on with Negotiate. */
    private String auth = WinRmAuthentication.DEFAULT.label();
    /** Since 0.2: {@code null} in a step saved before, which used HTTPS unless plain HTTP was allowed. */
    private Boolean https = Boolean.FALSE;
    private int concurrency = Defaults.CONCURRENCY;
    private int restartDelay = Defaults.RESTART_DELAY_SECONDS;
    private String restartComment = Defaults.RESTART_COMMENT;
    private String nonCompliantResult = "UNSTABLE";
    private String unreachableResult = "FAILURE";
    /** Since 0.1: {@code null} in a step saved before, which processed the whole fleet. */
    private String shard = "";
    /** Since 0.1: {@code null} in a step saved before, which changed every host at once. */
    private String rollout = "";
    /** Since 0.3: {@code null} in a step saved before, which logged on with a password. */
    private String keytab = "";

    /** A step saved by an earlier version keeps what it did. */
    protected Object readResolve() {
        if (https == null) {
            https = !allowHttp;
        }
        auth = auth == null ? WinRmAuthentication.DEFAULT.label() : auth;
        shard = shard == null ? "" : shard;
        rollout = rollout == null ? "" : rollout;
        keytab = keytab == null ? "" : keytab;
        return this;
    }

    /**
     * The command-line words of these options, after build parameters and environment variables were expanded in
     * their text: the subcommand first, then the options (docs/usage.md): the password comes from the child's
     * environment ({@link CliArguments#PASSWORD_VARIABLE}) unless a keytab logs on. The run's inventory, policy and
     * report folder are the caller's ({@link CliArguments}).
     *
     * @throws IllegalArgumentException when the rollout is not written as {@link RolloutSpec#FORMAT}
     */
    List<String> arguments(EnvVars environment) {
        return arguments(environment, environment.expand(user));
    }

    /** @param account the user the step logs on as: its own, expanded, or the one of the credential it names */
    List<String> arguments(EnvVars environment, String account) {
        StepMode stepMode = getStepMode();
        List<String> args = new ArrayList<String>();
        args.add(stepMode == StepMode.AUDIT ? "audit" : "remediate");
        args.addAll(Arrays.asList("--transport", transport, "--user", account,
                "--concurrency", String.valueOf(concurrency), "--auth", auth));
        if (keytab.isEmpty()) {
            args.addAll(Arrays.asList("--password-env", CliArguments.PASSWORD_VARIABLE));
        } else {
            args.addAll(Arrays.asList("--keytab", environment.expand(keytab)));
        }
        if (https) {
            args.add("--https");
            if (!truststore.isEmpty()) {
                args.addAll(Arrays.asList("--truststore", environment.expand(truststore)));
            }
        } else if (allowHttp) {
            args.add("--allow-http");
        }
        if (!shard.isEmpty()) {
            args.addAll(Arrays.asList("--shard", environment.expand(shard)));
        }
        if (stepMode != StepMode.AUDIT) {
            args.addAll(RolloutSpec.toArguments(environment.expand(rollout)));
        }
        if (stepMode == StepMode.REMEDIATE_AND_RESTART) {
            args.addAll(Arrays.asList("--restart", "--restart-delay", String.valueOf(restartDelay),
                    "--restart-comment", environment.expand(restartComment)));
        }
        return args;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    StepMode getStepMode() {
        return StepMode.of(mode);
    }

    /** @return the servers, one inventory line each (docs/usage.md) */
    public String getServers() {
        return servers;
    }

    @DataBoundSetter
    public void setServers(String servers) {
        this.servers = trim(servers);
    }

    /** @return the inventory file's path in the workspace, read when {@link #getServers()} is blank */
    public String getInventoryFile() {
        return inventoryFile;
    }

    @DataBoundSetter
    public void setInventoryFile(String inventoryFile) {
        this.inventoryFile = trim(inventoryFile);
    }

    /** @return a preset's name or a policy file's path in the workspace; blank for {@link Presets#KB272937} */
    public String getPolicy() {
        return policy;
    }

    @DataBoundSetter
    public void setPolicy(String policy) {
        this.policy = trim(policy);
    }

    /** @return a policy written in the step, used instead of {@link #getPolicy()} when not blank */
    public String getPolicyYaml() {
        return policyYaml;
    }

    @DataBoundSetter
    public void setPolicyYaml(String policyYaml) {
        this.policyYaml = policyYaml == null ? "" : policyYaml;
    }

    /** @return a {@link StepMode}'s name */
    public String getMode() {
        return mode;
    }

    /** @param mode {@code AUDIT}, {@code REMEDIATE} or {@code REMEDIATE_AND_RESTART}; anything else audits */
    @DataBoundSetter
    public void setMode(String mode) {
        this.mode = StepMode.of(mode).name();
    }

    /** @return the transport for inventory lines that name none ({@link TransportNames}) */
    public String getTransport() {
        return transport;
    }

    /** @throws IllegalArgumentException naming the transports when {@code transport} is not one */
    @DataBoundSetter
    public void setTransport(String transport) {
        this.transport = TransportNames.check(transport);
    }

    /** @return the Windows user, as {@code CORP\svc-dcom} or {@code svc-dcom@corp.example} */
    public String getUser() {
        return user;
    }

    @DataBoundSetter
    public void setUser(String user) {
        this.user = trim(user);
    }

    /** @return the truststore's path on the build's node, for WinRM over HTTPS; blank for the JVM's */
    public String getTruststore() {
        return truststore;
    }

    @DataBoundSetter
    public void setTruststore(String truststore) {
        this.truststore = trim(truststore);
    }

    /** @return whether WinRM may use HTTP without message encryption (Basic over HTTP, a lab's choice) */
    public boolean isAllowHttp() {
        return allowHttp;
    }

    @DataBoundSetter
    public void setAllowHttp(boolean allowHttp) {
        this.allowHttp = allowHttp;
    }

    /** @return how WinRM logs on: negotiate, kerberos or basic */
    public String getAuth() {
        return auth;
    }

    /** @throws IllegalArgumentException naming the labels when {@code auth} is not one; blank is the default */
    @DataBoundSetter
    public void setAuth(String auth) {
        this.auth = WinRmAuthentication.parse(auth).label();
    }

    /** @return whether WinRM goes over HTTPS (port 5986) rather than HTTP with message encryption */
    public boolean isHttps() {
        return https;
    }

    @DataBoundSetter
    public void setHttps(boolean https) {
        this.https = https;
    }

    /** @return how many hosts are processed at once */
    public int getConcurrency() {
        return concurrency;
    }

    /** @param concurrency hosts at once; 0 or less is the default */
    @DataBoundSetter
    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency <= 0 ? Defaults.CONCURRENCY : concurrency;
    }

    /** @return the seconds a restart waits, shown to logged-on users */
    public int getRestartDelay() {
        return restartDelay;
    }

    /** @param restartDelay seconds; less than 0 is the default */
    @DataBoundSetter
    public void setRestartDelay(int restartDelay) {
        this.restartDelay = restartDelay < 0 ? Defaults.RESTART_DELAY_SECONDS : restartDelay;
    }

    /** @return the restart's comment, for the event log and logged-on users */
    public String getRestartComment() {
        return restartComment;
    }

    /** @param restartComment the comment; blank is the default */
    @DataBoundSetter
    public void setRestartComment(String restartComment) {
        this.restartComment = trim(restartComment).isEmpty() ? Defaults.RESTART_COMMENT : restartComment.trim();
    }

    /** @return {@code UNSTABLE} or {@code FAILURE}: the build's result when a host does not comply */
    public String getNonCompliantResult() {
        return nonCompliantResult;
    }

    /** @param nonCompliantResult {@code FAILURE}; anything else is {@code UNSTABLE} */
    @DataBoundSetter
    public void setNonCompliantResult(String nonCompliantResult) {
        this.nonCompliantResult = "FAILURE".equals(nonCompliantResult) ? "FAILURE" : "UNSTABLE";
    }

    /** @return {@code FAILURE} or {@code UNSTABLE}: the build's result when a host is unreachable or fails */
    public String getUnreachableResult() {
        return unreachableResult;
    }

    /** @param unreachableResult {@code UNSTABLE}; anything else is {@code FAILURE} */
    @DataBoundSetter
    public void setUnreachableResult(String unreachableResult) {
        this.unreachableResult = "UNSTABLE".equals(unreachableResult) ? "UNSTABLE" : "FAILURE";
    }

    /** @return {@code N/M} to process only shard N of M, or blank for the whole fleet */
    public String getShard() {
        return shard;
    }

    @DataBoundSetter
    public void setShard(String shard) {
        this.shard = trim(shard);
    }

    /** @return the rollout ({@link RolloutSpec#FORMAT}), blank for every host at once */
    public String getRollout() {
        return rollout;
    }

    /** @param rollout checked when the build runs, after parameters are expanded, and by the form */
    @DataBoundSetter
    public void setRollout(String rollout) {
        this.rollout = trim(rollout);
    }

    /** @return a keytab's path on the build's node, to log on with Kerberos and no password; blank for a password */
    public String getKeytab() {
        return keytab;
    }

    @DataBoundSetter
    public void setKeytab(String keytab) {
        this.keytab = trim(keytab);
    }
}
