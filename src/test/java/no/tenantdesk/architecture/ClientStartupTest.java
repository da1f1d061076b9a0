package no.tenantdesk.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassReader;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.ClassVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Handle;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.MethodVisitor;
import com.tngtech.archunit.thirdparty.org.objectweb.asm.Opcodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The launcher's start-up rule ({@link no.tenantdesk.daemon.Client}): on its usual path, handing a command to the
 * daemon, it uses no regular expression, lambda or string concatenation with +, since the first use of each costs a
 * JVM milliseconds before every command. The test reads the bytecode of every method of ours that path can reach
 * from {@code Client.main}: lambdas, method references and + all compile to {@code invokedynamic}, and a regular
 * expression is a call into {@code java.util.regex} or to a String method that takes one. The methods listed below
 * are where the path ends, each with why; anything they call is not followed.
 */
class ClientStartupTest {

    private static final String ENTRY = "no/tenantdesk/daemon/Client.main";

    /** Methods the usual path does not take, or where it leaves the rule behind on purpose. */
    private static final Map<String, String> ENDS = Map.of(
            "no/tenantdesk/daemon/Client.refuse",
            "an error path: a daemon variable that is not what it takes",
            "no/tenantdesk/daemon/DaemonSettings.refusal",
            "an error path: a daemon variable that is not what it takes",
            "no/tenantdesk/cli/Main.main",
            "no daemon took the command: it runs here, and picocli, MyBatis and the rest load anyway",
            "no/tenantdesk/daemon/Daemons.start",
            "no daemon answered: starting one goes with running the command here",
            "no/tenantdesk/daemon/Client.unknownFrame",
            "an error path: the daemon sent what no daemon of this program sends",
            "no/tenantdesk/daemon/Client.frameLength",
            "an error path: the daemon sent what no daemon of this program sends",
            "no/tenantdesk/daemon/Client.stoppedDuring",
            "an error path: the daemon died during the command");

    /** String's methods that compile a regular expression on every call. */
    private static final Set<String> REGEX_STRING_METHODS = Set.of("split", "matches", "replaceAll", "replaceFirst");

    @Test
    void theUsualPathUsesNoRegularExpressionLambdaOrConcatenation() {
        assertThat(violations(ENTRY)).isEmpty();
    }

    @Test
    void everyEndIsAMethodOfOurs() {
        for (String end : ENDS.keySet()) {
            String owner = end.substring(0, end.lastIndexOf('.'));
            assertThat(classFile(owner).methods).as(end).containsKey(end.substring(end.lastIndexOf('.') + 1));
        }
    }

    @Test
    void aLambdaIsSeen() {
        assertThat(violations(EXAMPLES + ".withLambda")).containsExactly(EXAMPLES + ".withLambda (from "
                + EXAMPLES + ".withLambda): invokedynamic (a lambda, method reference or +)");
    }

    @Test
    void aRegularExpressionIsSeenInAMethodItCallsOrInherits() {
        assertThat(violations(EXAMPLES + ".callsSplit")).containsExactlyInAnyOrder(
                EXAMPLES + ".split (from " + EXAMPLES + ".callsSplit): java/lang/String.split",
                BASE + ".inherited (from " + EXAMPLES + ".callsSplit): java/util/regex/Pattern.compile");
    }

    private static final String BASE = "no/tenantdesk/architecture/ClientStartupTest$Base";
    private static final String EXAMPLES = "no/tenantdesk/architecture/ClientStartupTest$Examples";

    /** Methods that break the rule, to show that the test sees them. */
    static final class Examples {
        private Examples() {}

        static Runnable withLambda() {
            return () -> {};
        }

        static String[] callsSplit(String text) {
            new Inheriting().inherited();
            return split(text);
        }

        static String[] split(String text) {
            return text.split(",");
        }
    }

    static final class Inheriting extends Base {}

    static class Base {
        @SuppressWarnings("unused")
        void inherited() {
            java.util.regex.Pattern.compile(",");
        }
    }

    /** What breaks the rule in the methods reachable from this one, each as "method (from caller): what". */
    private static List<String> violations(String entry) {
        List<String> found = new ArrayList<>();
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Queue<String> todo = new ArrayDeque<>();
        reachedFrom.put(entry, entry);
        todo.add(entry);
        while (!todo.isEmpty()) {
            String method = todo.remove();
            String owner = method.substring(0, method.lastIndexOf('.'));
            String name = method.substring(method.lastIndexOf('.') + 1);
            ClassFile declaring = classFile(owner);
            // A method a class inherits is its superclass's, when that is ours.
            while (!declaring.methods.containsKey(name) && declaring.superName.startsWith("no/tenantdesk/")) {
                owner = declaring.superName;
                declaring = classFile(owner);
            }
            if (!seen.add(owner + "." + name)) {
                continue;
            }
            for (Instruction instruction : declaring.methods.getOrDefault(name, List.of())) {
                String problem = instruction.problem();
                if (problem != null) {
                    found.add(owner + "." + name + " (from " + reachedFrom.get(method) + "): " + problem);
                }
                for (String next : instruction.ours()) {
                    if (!ENDS.containsKey(next) && reachedFrom.putIfAbsent(next, method) == null) {
                        todo.add(next);
                    }
                }
            }
        }
        return found;
    }

    /** One instruction that matters here: an invokedynamic, or a call to the named method. */
    private record Instruction(String owner, String name, boolean dynamic) {

        String problem() {
            if (dynamic) {
                return "invokedynamic (a lambda, method reference or +)";
            }
            if (owner.startsWith("java/util/regex/")
                    || owner.equals("java/lang/String") && REGEX_STRING_METHODS.contains(name)) {
                return owner + "." + name;
            }
            return null;
        }

        /**
         * The methods of ours this instruction may run: the one it calls, and, as it makes a class of ours or
         * touches one, that class's static initializer; making one runs all of its methods, as far as this test can
         * tell without following virtual calls.
         */
        List<String> ours() {
            if (dynamic || !owner.startsWith("no/tenantdesk/")) {
                return List.of();
            }
            List<String> methods = new ArrayList<>(List.of(owner + "." + name, owner + ".<clinit>"));
            if (name.equals("<init>")) {
                classFile(owner).methods.keySet().forEach(method -> methods.add(owner + "." + method));
            }
            return methods;
        }
    }

    /** A class's superclass and its methods by name (overloads together), as the instructions that matter here. */
    private record ClassFile(String superName, Map<String, List<Instruction>> methods) {}

    private static ClassFile classFile(String name) {
        Map<String, List<Instruction>> methods = new HashMap<>();
        String[] superName = {""};
        try (InputStream in = ClientStartupTest.class.getClassLoader().getResourceAsStream(name + ".class")) {
            assertThat(in).as(name).isNotNull();
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public void visit(int version, int access, String className, String signature, String superclass,
                        String[] interfaces) {
                    superName[0] = superclass == null ? "" : superclass;
                }

                @Override
                public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                        String[] exceptions) {
                    List<Instruction> code = methods.computeIfAbsent(method, m -> new ArrayList<>());
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String descriptor,
                                boolean isInterface) {
                            code.add(new Instruction(owner, called, false));
                        }

                        @Override
                        public void visitFieldInsn(int opcode, String owner, String field, String descriptor) {
                            code.add(new Instruction(owner, "<clinit>", false));
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String called, String descriptor, Handle bootstrap,
                                Object... arguments) {
                            code.add(new Instruction(bootstrap.getOwner(), called, true));
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClassFile(superName[0], methods);
    }
}
