package com.orderengine.bench.process;

/** The class path child JVMs start from: the shaded jar when run with -jar, the module's class path in tests. */
public final class ClassPath {

    private ClassPath() {}

    public static String current() {
        // Surefire runs tests from a manifest-only jar; this property holds the real entries.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
