package io.jenkins.plugins.dcom.compat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the plugin's references against Jenkins' API listing: every referenced type and member must exist with
 * the same erased signature (found on the owner or, walking {@code super=} and {@code ifaces=}, on a supertype,
 * into the JDK by reflection), must not be restricted (NoExternalUse, DoNotUse), and every Hudson API method the
 * plugin overrides must still exist in Jenkins. Deprecated members are warnings.
 */
final class CompatibilityChecker {
    private final ApiListing jenkins;
    private final ApiListing hudson;
    private final BytecodeReferences plugin;
    final List<String> errors = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    CompatibilityChecker(ApiListing jenkins, ApiListing hudson, BytecodeReferences plugin) {
        this.jenkins = jenkins;
        this.hudson = hudson;
        this.plugin = plugin;
    }

    CompatibilityChecker check(Iterable<Reference> references) {
        for (Reference reference : references) {
            switch (reference.kind) {
                case TYPE:
                    checkType(reference);
                    break;
                case OVERRIDE:
                    checkOverride(reference);
                    break;
                default:
                    checkMember(reference);
            }
        }
        return this;
    }

    private void checkType(Reference reference) {
        ApiListing.Type type = jenkins.type(reference.owner);
        if (type == null) {
            errors.add("missing in Jenkins: " + reference);
            return;
        }
        for (String flag : type.flags.split(",")) {
            if (flag.equals("restricted=NoExternalUse") || flag.equals("restricted=DoNotUse")) {
                errors.add("restricted (" + flag + ") in Jenkins: " + reference);
            } else if (flag.equals("deprecated")) {
                warnings.add("deprecated in Jenkins: " + reference);
            }
        }
    }

    private void checkMember(Reference reference) {
        ApiListing.Member member = find(jenkins, reference.owner, kind(reference), reference.name, reference.params);
        if (member == null) {
            errors.add("missing in Jenkins: " + reference);
        } else {
            judge(member, reference);
        }
    }

    private void checkOverride(Reference reference) {
        for (String supertype : pluginSupertypes(reference.owner)) {
            if (find(hudson, supertype, "method", reference.name, reference.params) != null) {
                ApiListing.Member inJenkins = find(jenkins, supertype, "method", reference.name, reference.params);
                if (inJenkins == null) {
                    errors.add("overrides a method Jenkins does not have, so Jenkins would never call it: " + reference);
                } else {
                    judge(inJenkins, reference);
                }
                return;
            }
        }
        checkJenkinsOnlyOverride(reference);
    }

    /**
     * A method named like one of a Jenkins-only supertype's (SimpleBuildStep, RunAction2, ...) must have one of its
     * signatures: one that differs overrides nothing, and Jenkins would call the interface's default instead.
     */
    private void checkJenkinsOnlyOverride(Reference reference) {
        for (String supertype : pluginSupertypes(reference.owner)) {
            if (hudson.type(supertype) != null || jenkins.type(supertype) == null) {
                continue;
            }
            boolean named = false;
            for (String type : jenkinsTypeAndSupertypes(supertype)) {
                for (ApiListing.Member member : jenkins.declared(type)) {
                    if (member.kind.equals("method") && member.name.equals(reference.name)) {
                        named = true;
                        if (sameParams(member.params, reference.params)
                                || plugin.hasBridge(reference.owner, reference.name, member.params)) { // generic override
                            judge(member, reference);
                            return;
                        }
                    }
                }
            }
            if (named) {
                errors.add("does not override " + supertype + "." + reference.name + " (no such signature in Jenkins): " + reference);
                return;
            }
        }
    }

    private List<String> jenkinsTypeAndSupertypes(String type) {
        List<String> types = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(type);
        while (!queue.isEmpty()) {
            String next = queue.poll();
            ApiListing.Type listed = jenkins.type(next);
            if (listed != null && !types.contains(next)) {
                types.add(next);
                queue.addAll(listed.interfaces);
            }
        }
        return types;
    }

    private void judge(ApiListing.Member member, Reference reference) {
        String restriction = member.restriction();
        if ("NoExternalUse".equals(restriction) || "DoNotUse".equals(restriction)) {
            errors.add("restricted (" + restriction + ") in Jenkins: " + reference);
        } else if (member.isDeprecated()) {
            warnings.add("deprecated in Jenkins: " + reference);
        }
    }

    /** @return the API supertypes reached from one of the plugin's own classes */
    private List<String> pluginSupertypes(String className) {
        List<String> api = new ArrayList<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(className);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String next = queue.poll();
            if (!seen.add(next)) {
                continue;
            }
            List<String> supers = plugin.supertypesOf(next);
            if (supers != null) {
                queue.addAll(supers);
            } else if (BytecodeReferences.isApi(next)) {
                api.add(next);
            }
        }
        return api;
    }

    private static String kind(Reference reference) {
        switch (reference.kind) {
            case CTOR:
                return "ctor";
            case FIELD:
                return "field";
            default:
                return "method";
        }
    }

    /** Finds a member on the owner or, except constructors, on its supertypes; JDK supertypes by reflection. */
    static ApiListing.Member find(ApiListing listing, String owner, String kind, String name, String params) {
        Deque<String> queue = new ArrayDeque<>();
        queue.add(owner);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String type = queue.poll();
            if (!seen.add(type)) {
                continue;
            }
            for (ApiListing.Member member : listing.declared(type)) {
                if (member.kind.equals(kind) && member.name.equals(name) && (kind.equals("field") || sameParams(member.params, params))) {
                    return member;
                }
            }
            if (kind.equals("ctor") && !type.equals(owner)) {
                return null;
            }
            ApiListing.Type listed = listing.type(type);
            if (listed != null) {
                if (!listed.superName.isEmpty() && !listed.superName.equals("-")) {
                    queue.add(listed.superName);
                }
                queue.addAll(listed.interfaces);
            } else if (!BytecodeReferences.isApi(type)) {
                ApiListing.Member jdk = inJdk(type, kind, name, params);
                if (jdk != null) {
                    return jdk;
                }
            }
            if (kind.equals("ctor")) {
                return null;
            }
        }
        return null;
    }

    private static boolean sameParams(String listed, String wanted) {
        String[] a = listed.substring(1, listed.length() - 1).split(",", -1);
        String[] b = wanted.substring(1, wanted.length() - 1).split(",", -1);
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            boolean unresolved = a[i].startsWith("?");
            String simple = b[i].substring(b[i].lastIndexOf('.') + 1);
            if (!(a[i].equals(b[i]) || unresolved && a[i].substring(1).equals(simple))) {
                return false;
            }
        }
        return true;
    }

    /**
     * JDK types by reflection; {@code javax.servlet} types from the servlet API Jenkins ships (jetty-servlet-api
     * 4.0.9, copied to target/jenkins-servlet-api by the build), not from Hudson's servlet 2.4 on the test class path.
     */
    private static ApiListing.Member inJdk(String type, String kind, String name, String params) {
        try {
            ClassLoader loader = type.startsWith("javax.servlet.") ? JenkinsServletApi.loader() : CompatibilityChecker.class.getClassLoader();
            for (Class<?> c = Class.forName(type, false, loader); c != null; c = c.getSuperclass()) {
                if (declaresInJdk(c, kind, name, params)) {
                    return new ApiListing.Member(c.getName(), kind, name, params, "?", "public");
                }
                for (Class<?> i : c.getInterfaces()) {
                    if (declaresInJdk(i, kind, name, params)) {
                        return new ApiListing.Member(i.getName(), kind, name, params, "?", "public");
                    }
                }
            }
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return null;
    }

    private static boolean declaresInJdk(Class<?> type, String kind, String name, String params) {
        if (kind.equals("field")) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }
        if (kind.equals("ctor")) {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (params.equals(signature(constructor.getParameterTypes()))) {
                    return true;
                }
            }
            return false;
        }
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name) && params.equals(signature(method.getParameterTypes()))) {
                return true;
            }
        }
        return false;
    }

    private static String signature(Class<?>[] parameters) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < parameters.length; i++) {
            text.append(i == 0 ? "" : ",").append(parameters[i].getTypeName());
        }
        return text.append(")").toString();
    }
}
