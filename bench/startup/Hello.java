package dev.aiworkbench.bench.startup;

/** The baseline of the command-line start-up ratios: a JVM that prints "hello" and ends. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
