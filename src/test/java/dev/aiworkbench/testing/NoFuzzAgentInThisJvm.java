package dev.aiworkbench.testing;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Refuses to run a test class in a JVM where a fuzz test has installed Jazzer's agent. The agent stays for the JVM's
 * life and hooks every class loaded after it, the JDK's HTTP client among them, and the one CI run that hung did so in
 * such a JVM, on its calls to local test servers. pom.xml runs the fuzz tests in a JVM of their own; this makes a suite
 * that mixes them again fail at once, with the reason, instead of depending on where the run order puts them.
 * Registered for every test class by JUnit's extension auto-detection (junit-platform.properties).
 */
public final class NoFuzzAgentInThisJvm implements BeforeAllCallback {
    private static final String AGENT_RUNTIME = "com.code_intelligence.jazzer.runtime.JazzerInternal";

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!AnnotationSupport.findAnnotatedMethods(testClass, FuzzTest.class,
                HierarchyTraversalMode.TOP_DOWN).isEmpty()) {
            return;
        }
        if (agentInstalled()) {
            throw new IllegalStateException(testClass.getName() + " runs in a JVM where a fuzz test installed Jazzer's "
                    + "agent. Run the fuzz tests in a JVM of their own (pom.xml: the surefire execution fuzz-corpora), "
                    + "or name them apart from other tests in -Dtest.");
        }
    }

    private static boolean agentInstalled() {
        try {
            // The agent puts its runtime on the boot class path; without it the class is nowhere to be found.
            Class.forName(AGENT_RUNTIME, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
