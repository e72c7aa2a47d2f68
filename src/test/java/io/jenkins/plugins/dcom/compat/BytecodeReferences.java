package io.jenkins.plugins.dcom.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Reads compiled classes and collects every reference to the server's API (by package prefix). */
final class BytecodeReferences {
    static final List<String> PREFIXES = java.util.Arrays.asList("hudson.", "jenkins.", "org.kohsuke.stapler.", "net.sf.json.",
            "com.cloudbees.plugins.credentials.", "org.jenkinsci.plugins.workflow.");

    private final Set<Reference> references = new LinkedHashSet<>();
    /** The compiler's bridge methods, as owner#name(params): each is the erased override of a generic method. */
    private final Set<String> bridges = new java.util.HashSet<>();

    static boolean isApi(String binaryName) {
        for (String prefix : PREFIXES) {
            if (binaryName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Reads every class file below {@code classes}. */
    /** @return whether {@code owner} has a compiler bridge {@code name(params)}, which overrides with that signature */
    boolean hasBridge(String owner, String name, String params) {
        return bridges.contains(owner + "#" + name + params);
    }

    static BytecodeReferences read(Path classes) throws IOException {
        BytecodeReferences collector = new BytecodeReferences();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            new ClassReader(Files.readAllBytes(file)).accept(collector.new Collector(), ClassReader.SKIP_FRAMES);
        }
        return collector;
    }

    Set<Reference> references() {
        return references;
    }

    /** @return the direct supertypes of a class that was read (super first), or {@code null} */
    List<String> supertypesOf(String className) {
        String[] entry = supertypes.get(className);
        if (entry == null) {
            return null;
        }
        List<String> names = new java.util.ArrayList<>();
        if (entry[0] != null) {
            names.add(entry[0]);
        }
        if (!entry[1].isEmpty()) {
            names.addAll(java.util.Arrays.asList(entry[1].split(",")));
        }
        return names;
    }

    static String params(String methodDescriptor) {
        StringBuilder params = new StringBuilder("(");
        Type[] arguments = Type.getArgumentTypes(methodDescriptor);
        for (int i = 0; i < arguments.length; i++) {
            params.append(i == 0 ? "" : ",").append(arguments[i].getClassName());
        }
        return params.append(")").toString();
    }

    private final class Collector extends ClassVisitor {
        private String className;
        private String superName;
        private String[] interfaces;

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.className = name.replace('/', '.');
            this.superName = superName == null ? null : superName.replace('/', '.');
            this.interfaces = interfaces;
            type(superName);
            for (String implemented : interfaces) {
                type(implemented);
            }
        }

        private void type(String internalName) {
            if (internalName == null) {
                return;
            }
            Type type = internalName.startsWith("[") || internalName.startsWith("L") && internalName.endsWith(";")
                    ? Type.getType(internalName) : Type.getObjectType(internalName);
            while (type.getSort() == Type.ARRAY) {
                type = type.getElementType();
            }
            if (type.getSort() == Type.OBJECT && isApi(type.getClassName())) {
                references.add(new Reference(Reference.Kind.TYPE, type.getClassName(), null, null, className));
            }
        }

        private void descriptorTypes(String descriptor) {
            Type method = Type.getType(descriptor);
            if (method.getSort() == Type.METHOD) {
                for (Type argument : method.getArgumentTypes()) {
                    type(argument.getDescriptor());
                }
                type(method.getReturnType().getDescriptor());
            } else {
                type(descriptor);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            type(descriptor);
            return null;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(descriptor);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptorTypes(descriptor);
            boolean overridable = (access & (Opcodes.ACC_STATIC | Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) == 0
                    && !name.startsWith("<");
            if ((access & Opcodes.ACC_BRIDGE) != 0) {
                bridges.add(className + "#" + name + params(descriptor));
            }
            if (overridable) {
                references.add(new Reference(Reference.Kind.OVERRIDE, className, name, params(descriptor), className));
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    type(annotation);
                    return null;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    type(annotation);
                    return null;
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                    member(Reference.Kind.FIELD, owner, field, "-");
                    type(fieldDescriptor);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean itf) {
                    member(method.equals("<init>") ? Reference.Kind.CTOR : Reference.Kind.METHOD, owner, method,
                            params(methodDescriptor));
                    descriptorTypes(methodDescriptor);
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type) {
                        type(((Type) value).getDescriptor());
                    } else if (value instanceof Handle) {
                        type(((Handle) value).getOwner());
                    }
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label start, org.objectweb.asm.Label end,
                        org.objectweb.asm.Label handler, String type) {
                    type(type);
                }
            };
        }

        private void member(Reference.Kind kind, String owner, String name, String params) {
            if (owner.startsWith("[")) {
                return;
            }
            String binary = owner.replace('/', '.');
            if (isApi(binary)) {
                references.add(new Reference(kind, binary, name, params, className));
            }
        }

        @Override
        public void visitEnd() {
            supertypes.put(className, new String[] {superName, String.join(",", interfaces).replace('/', '.')});
        }
    }

    /** Direct supertypes of every class read: name -> {super, "iface,iface"}. */
    final java.util.Map<String, String[]> supertypes = new java.util.HashMap<>();
}
