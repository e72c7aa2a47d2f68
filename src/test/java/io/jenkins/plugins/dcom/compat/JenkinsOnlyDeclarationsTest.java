package io.jenkins.plugins.dcom.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The compile-time declarations of Jenkins-only types (src/jenkins-stubs) say exactly what Jenkins has, and the
 * hand-written {@code @Symbol} index names exactly the classes that carry the annotation: a drift in either
 * compiles fine and fails only in a Jenkins, where it cannot be tested here.
 */
class JenkinsOnlyDeclarationsTest {
    private static ApiListing jenkins;

    @BeforeAll
    static void readListing() throws Exception {
        jenkins = ApiListing.read("jenkins-core-api", "stapler-api", "workflow-plugins-api");
    }

    private static Set<String> declared(Class<?> type) {
        Set<String> methods = new TreeSet<>();
        for (Method method : type.getDeclaredMethods()) {
            List<String> params = new ArrayList<>();
            for (Class<?> param : method.getParameterTypes()) {
                params.add(param.getName());
            }
            methods.add(method.getName() + "(" + String.join(",", params) + ")" + (method.isDefault() ? " default" : " abstract"));
        }
        return methods;
    }

    private static Set<String> listed(String type) {
        Set<String> methods = new TreeSet<>();
        for (ApiListing.Member member : jenkins.declared(type)) {
            if (member.kind.equals("method") && !member.flags.contains("restricted=")) { // plugins may not use those
                methods.add(member.name + member.params + (member.flags.contains("default") ? " default" : " abstract"));
            }
        }
        return methods;
    }

    @Test
    void theDeclarationsHaveJenkinsSignatures() throws Exception {
        for (String type : new String[] {"jenkins.tasks.SimpleBuildStep", "jenkins.tasks.SimpleBuildStep$LastBuildAction",
            "jenkins.model.RunAction2", "jenkins.model.TransientActionFactory"}) {
            assertThat(declared(Class.forName(type))).as(type).isEqualTo(listed(type)).isNotEmpty();
        }
        assertThat(Class.forName("jenkins.tasks.SimpleBuildStep").getInterfaces()).extracting(Class::getName)
                .containsExactly("hudson.tasks.BuildStep");
    }

    /**
     * The Pipeline plugins' types (workflow-api, workflow-step-api, workflow-basic-steps) are declared with what their
     * listing says: every method a declaration has is listed with its parameters, and each type has the listed
     * superclass and interfaces, so that what PipelineStepListener links against exists in Jenkins as written.
     */
    @Test
    void thePipelinePluginsDeclarationsAreTheListedOnes() throws Exception {
        for (String name : new String[] {"org.jenkinsci.plugins.workflow.flow.StepListener",
            "org.jenkinsci.plugins.workflow.steps.Step", "org.jenkinsci.plugins.workflow.steps.StepContext",
            "org.jenkinsci.plugins.workflow.steps.CoreStep", "org.jenkinsci.plugins.workflow.graph.FlowNode",
            "org.jenkinsci.plugins.workflow.actions.PersistentAction", "org.jenkinsci.plugins.workflow.actions.WarningAction"}) {
            Class<?> type = Class.forName(name);
            ApiListing.Type listed = jenkins.type(name);
            assertThat(listed).as(name + " is listed").isNotNull();
            assertThat(listed(name)).as(name).containsAll(declared(type));
            if (!type.isInterface()) {
                assertThat(type.getSuperclass().getName()).as(name + "'s superclass").isEqualTo(listed.superName);
            }
            List<String> interfaces = new ArrayList<>();
            for (Class<?> implemented : type.getInterfaces()) {
                interfaces.add(implemented.getName());
            }
            assertThat(listed.interfaces).as(name + "'s interfaces").containsAll(interfaces);
        }
        Class<?> coreStep = Class.forName("org.jenkinsci.plugins.workflow.steps.CoreStep");
        assertThat(coreStep.getField("delegate").getType().getName()).isEqualTo("jenkins.tasks.SimpleBuildStep");
        assertThat(jenkins.declared("org.jenkinsci.plugins.workflow.steps.CoreStep")).extracting(member -> member.name + " " + member.type)
                .contains("delegate jenkins.tasks.SimpleBuildStep");
    }

    @Test
    void theAnnotationsAreKeptAtRunTimeWhereJenkinsReadsThem() throws Exception {
        Class<?> symbol = Class.forName("org.jenkinsci.Symbol");
        Class<?> setter = Class.forName("org.kohsuke.stapler.DataBoundSetter");

        assertThat(symbol.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(symbol.getAnnotation(Target.class).value()).containsExactly(ElementType.TYPE);
        assertThat(symbol.getDeclaredMethod("value").getReturnType()).isEqualTo(String[].class);
        assertThat(setter.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(setter.getAnnotation(Target.class).value()).containsExactlyInAnyOrder(ElementType.METHOD, ElementType.FIELD);
        assertThat(jenkins.type("jenkins.tasks.SimpleBuildStep")).isNotNull();
        Class<?> post = Class.forName("org.kohsuke.stapler.verb.POST");
        assertThat(post.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(post.getAnnotation(Target.class).value()).contains(ElementType.METHOD);
        assertThat(jenkins.type("org.kohsuke.stapler.verb.POST")).as("Jenkins' Stapler has it").isNotNull();
    }

    @Test
    void theJenkinsStepIsOfferedToFreestyleJobsWhereHudsonExtendsJenkinsAndOnlyThere() throws Exception {
        ApiListing hudson = ApiListing.read("hudson-3.3.2-api");

        assertThat(jenkins.type("hudson.model.Hudson").superName).as("Jenkins core").isEqualTo("jenkins.model.Jenkins");
        assertThat(hudson.type("hudson.model.Hudson").superName).as("Hudson 3.3.2").isNotEqualTo("jenkins.model.Jenkins");
        assertThat(hudson.model.Hudson.class.getSuperclass().getName()).as("the server the tests run in is Hudson")
                .isNotEqualTo("jenkins.model.Jenkins");
    }

    @Test
    void theSymbolIndexNamesEveryClassThatCarriesSymbolAndNothingElse() throws Exception {
        Path classes = Paths.get(System.getProperty("basedir", ".")).resolve("target/classes");
        Set<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(path -> path.toString().endsWith(".class"))::iterator) {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                reader.accept(new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                        if ("Lorg/jenkinsci/Symbol;".equals(descriptor)) {
                            assertThat(visible).as("RUNTIME retention in " + reader.getClassName()).isTrue();
                            annotated.add(reader.getClassName().replace('/', '.'));
                        }
                        return null;
                    }
                }, ClassReader.SKIP_CODE);
            }
        }
        Set<String> index = new TreeSet<>();
        try (InputStream in = JenkinsOnlyDeclarationsTest.class.getResourceAsStream("/META-INF/services/annotations/org.jenkinsci.Symbol")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.trim().isEmpty()) {
                    index.add(line.trim());
                }
            }
        }
        assertThat(annotated).containsExactly("io.jenkins.plugins.dcom.plugin.DcomCompliancePipelineStep$DescriptorImpl");
        assertThat(index).isEqualTo(annotated);
    }
}
