package io.jenkins.plugins.dcom.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jenkins compatibility gate: the plugin is compiled against Hudson 3.3.2, and this proves its bytecode only
 * links against API that current Jenkins also has (the listings in src/test/resources/jenkins-api/). Fails the build otherwise.
 */
class JenkinsCompatibilityTest {
    private static ApiListing jenkins;
    private static ApiListing hudson;

    @BeforeAll
    static void readListings() throws Exception {
        jenkins = ApiListing.read("jenkins-core-api", "stapler-api", "json-lib-api", "credentials-plugin-api", "workflow-plugins-api");
        hudson = ApiListing.read("hudson-3.3.2-api");
    }

    private static BytecodeReferences plugin() throws Exception {
        Path classes = Paths.get(System.getProperty("basedir", ".")).resolve("target/classes");
        assertThat(Files.isDirectory(classes)).isTrue();
        return BytecodeReferences.read(classes);
    }

    @Test
    void pluginShouldLinkOnlyAgainstApiThatJenkinsHas() throws Exception {
        BytecodeReferences plugin = plugin();
        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, plugin).check(plugin.references());

        for (String warning : checker.warnings) {
            System.out.println("WARNING " + warning);
        }
        assertThat(plugin.references()).as("the gate must see the plugin's API use").hasSizeGreaterThan(30);
        assertThat(checker.errors).as("references Jenkins lacks or restricts").isEmpty();
    }

    @Test
    void gateShouldRejectAMemberJenkinsLacks() {
        Reference hudsonOnly = new Reference(Reference.Kind.METHOD, "hudson.model.Hudson", "getInstanceTag", "()", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, emptyPlugin()).check(Collections.singletonList(hudsonOnly));

        assertThat(checker.errors).singleElement().asString().startsWith("missing in Jenkins: method hudson.model.Hudson.getInstanceTag()");
    }

    @Test
    void gateShouldHoldCredentialsPluginReferencesToItsListing() {
        Reference listed = new Reference(Reference.Kind.METHOD, "com.cloudbees.plugins.credentials.CredentialsProvider",
                "findCredentialById", "(java.lang.String,java.lang.Class,hudson.model.Run)", "Example");
        Reference varargs = new Reference(Reference.Kind.METHOD, "com.cloudbees.plugins.credentials.CredentialsProvider",
                "findCredentialById", "(java.lang.String,java.lang.Class,hudson.model.Run,"
                + "com.cloudbees.plugins.credentials.domains.DomainRequirement[])", "Example");
        Reference missing = new Reference(Reference.Kind.METHOD, "com.cloudbees.plugins.credentials.CredentialsProvider",
                "findCredentialByName", "(java.lang.String)", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, emptyPlugin())
                .check(Arrays.asList(listed, varargs, missing));

        assertThat(checker.errors).singleElement().asString().contains("findCredentialByName");
        assertThat(checker.warnings).singleElement().asString().contains("DomainRequirement[]");
    }

    @Test
    void gateShouldRejectARestrictedMemberAndWarnAboutADeprecatedOne() {
        Reference restricted = new Reference(Reference.Kind.METHOD, "hudson.PluginManager", "getPluginsSortedByTitle", "()", "Example");
        Reference deprecated = new Reference(Reference.Kind.METHOD, "hudson.model.Hudson", "getInstance", "()", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, emptyPlugin()).check(Arrays.asList(restricted, deprecated));

        assertThat(checker.errors).singleElement().asString().contains("restricted (NoExternalUse)");
        assertThat(checker.warnings).singleElement().asString().contains("hudson.model.Hudson.getInstance()");
    }

    @Test
    void gateShouldFindInheritedMembersThroughSupertypesAndTheJdk() {
        Reference inherited = new Reference(Reference.Kind.METHOD, "hudson.model.FreeStyleBuild", "getAction", "(java.lang.Class)", "Example");
        Reference fromJdk = new Reference(Reference.Kind.METHOD, "hudson.model.Result", "toString", "()", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, emptyPlugin()).check(Arrays.asList(inherited, fromJdk));

        assertThat(checker.errors).isEmpty();
    }

    private static BytecodeReferences emptyPlugin() {
        try {
            return BytecodeReferences.read(Files.createTempDirectory("no-classes"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void gateShouldRejectAPipelineMethodThatOverridesNothingInJenkins() throws Exception {
        BytecodeReferences plugin = plugin();
        Reference wrong = new Reference(Reference.Kind.OVERRIDE, "io.jenkins.plugins.dcom.plugin.DcomCompliancePipelineStep",
                "perform", "(hudson.model.Run,hudson.FilePath,hudson.Launcher,hudson.EnvVars,hudson.model.TaskListener)", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, plugin).check(Collections.singletonList(wrong));

        assertThat(checker.errors).singleElement().asString().startsWith("does not override jenkins.tasks.SimpleBuildStep.perform");
    }

    @Test
    void thePipelineStepsOverridesMatchJenkinsSignatures() throws Exception {
        BytecodeReferences plugin = plugin();
        java.util.List<Reference> overrides = new java.util.ArrayList<>();
        for (Reference reference : plugin.references()) {
            if (reference.kind == Reference.Kind.OVERRIDE && reference.owner.contains("Pipeline")) {
                overrides.add(reference);
            }
        }
        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, plugin).check(overrides);

        assertThat(overrides).extracting(reference -> reference.name).contains("perform", "onAttached", "onLoad", "getProjectActions");
        assertThat(checker.errors).isEmpty();
    }

    @Test
    void servletMembersAreCheckedAgainstTheServletApiJenkinsShips() throws Exception {
        Reference servlet4Only = new Reference(Reference.Kind.METHOD, "org.kohsuke.stapler.StaplerRequest", "newPushBuilder", "()", "Example");
        Reference nowhere = new Reference(Reference.Kind.METHOD, "org.kohsuke.stapler.StaplerResponse", "setHeaderTwice",
                "(java.lang.String,java.lang.String)", "Example");

        CompatibilityChecker checker = new CompatibilityChecker(jenkins, hudson, plugin()).check(java.util.Arrays.asList(servlet4Only, nowhere));

        assertThat(checker.errors).singleElement().asString().contains("setHeaderTwice");
    }
}
