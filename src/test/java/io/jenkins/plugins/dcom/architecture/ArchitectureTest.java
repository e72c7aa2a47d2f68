package io.jenkins.plugins.dcom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package drawing of {@code docs/architecture.md}, enforced: the engine has no CI-server imports, the domain
 * knows nothing of transports or the command line, and no package cycles.
 */
class ArchitectureTest {
    private static final String BASE = "io.jenkins.plugins.dcom";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
    private static final String[] ENGINE = {BASE + ".policy..", BASE + ".inventory..", BASE + ".plan..",
        BASE + ".transport..", BASE + ".run..", BASE + ".backup..", BASE + ".report..", BASE + ".lab..", BASE + ".cli..",
        BASE + ".text..", BASE + ".contract.."};

    @Test
    void engineShouldNotDependOnTheCiServer() {
        noClasses().that().resideInAnyPackage(ENGINE).should().dependOnClassesThat()
                .resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..", "net.sf.json..")
                .check(CLASSES);
    }

    @Test
    void domainShouldNotKnowTransportsRunsOrTheCommandLine() {
        noClasses().that().resideInAnyPackage(BASE + ".policy..", BASE + ".inventory..", BASE + ".plan..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".transport..", BASE + ".run..",
                        BASE + ".report..", BASE + ".cli..", BASE + ".lab..", "io.cloudsoft..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWinRmTransportShouldSpeakHttpOrNtlm() {
        noClasses().that().resideOutsideOfPackage(BASE + ".transport.winrm..").should().dependOnClassesThat()
                .resideInAnyPackage("io.cloudsoft..", "org.apache.http..").check(CLASSES);
    }

    @Test
    void onlyTheRegistryRpcTransportShouldSpeakSmbOrDceRpc() {
        noClasses().that().resideOutsideOfPackage(BASE + ".transport.rrp..").should().dependOnClassesThat()
                .resideInAnyPackage("com.hierynomus..", "com.rapid7..", "org.jinterop..", "jcifs..", "rpc..", "ndr..")
                .check(CLASSES);
    }

    @Test
    void engineShouldNotDependOnTheCommandLineOrTheLab() {
        noClasses().that().resideInAnyPackage(BASE + ".run..", BASE + ".transport..", BASE + ".report..", BASE + ".backup..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".cli..", BASE + ".lab..").check(CLASSES);
    }

    @Test
    void pluginShouldRunTheEngineOnlyAsAChildProcess() {
        noClasses().that().resideInAPackage(BASE + ".plugin..").should().dependOnClassesThat()
                .resideInAnyPackage(BASE + ".run..", BASE + ".transport..", BASE + ".lab..",
                        BASE + ".report..", BASE + ".backup..", "io.cloudsoft..", "org.apache.http..", "org.jinterop..")
                .because("the build step launches the command-line jar on the build's node; it only validates with the engine's "
                        + "parsers and shares what both sides must agree on through contract (the server jar is whole packages)")
                .check(CLASSES);
    }

    @Test
    void theServerSideShouldNotReachTheCommandLinesLibrariesOrEngine() {
        noClasses().that().resideInAnyPackage(BASE + ".plugin..", BASE + ".policy..", BASE + ".inventory..", BASE + ".text..",
                BASE + ".contract..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cloudsoft..", "org.apache.http..", "org.jinterop..", "jcifs..", "rpc..",
                        "ndr..", "com.hierynomus..", "com.rapid7..", "com.fasterxml..", "org.apache.commons.cli..", BASE + ".run..", BASE + ".report..", BASE + ".backup..",
                        BASE + ".cli..", BASE + ".lab..", BASE + ".transport.winrm..", BASE + ".transport.rrp..")
                .because("the .hpi puts only these packages (and SnakeYAML) on the server's class path; see ServerSideClassesIT")
                .check(CLASSES);
    }

    @Test
    void onlyThePipelineClassesShouldTouchJenkinsOnlyTypesAndNothingElseShouldReachThem() {
        noClasses().that().haveNameNotMatching(".*Pipeline.*")
                .should().dependOnClassesThat().resideInAnyPackage("jenkins.tasks..", "jenkins.model..", "org.jenkinsci..")
                .orShould().dependOnClassesThat().haveNameMatching(".*Pipeline.*")
                .because("Hudson must never load a class that needs a Jenkins-only type; see DcomCompliancePipelineStep")
                .check(CLASSES);
    }

    @Test
    void onlyTheCredentialsPluginLookupShouldNameTheOptionalCredentialsPluginAndOnlyJenkinsOnlyClassesShouldReachIt() {
        noClasses().that().doNotHaveSimpleName("CredentialsPluginLookup")
                .should().dependOnClassesThat().resideInAnyPackage("com.cloudbees.plugins.credentials..")
                .because("the credentials plugin is an optional dependency: one class names it, and its callers treat a "
                        + "LinkageError as 'not installed'; see CredentialsPluginLookup")
                .check(CLASSES);
        noClasses().that().haveNameNotMatching(".*(Pipeline|CredentialsPluginLookup).*")
                .should().dependOnClassesThat().haveSimpleName("CredentialsPluginLookup")
                .because("only the Jenkins-only step's form calls the credentials plugin directly; builds go through "
                        + "CredentialsLookup, an extension point")
                .check(CLASSES);
    }

    @Test
    void packagesShouldBeFreeOfCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
