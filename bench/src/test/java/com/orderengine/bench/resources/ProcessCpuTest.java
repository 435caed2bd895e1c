package com.orderengine.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    @Test
    void readsUserAndSystemTimeAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 91 0 0 0 1500 250 30 7 20 0 40 0 1234 "
                + "9000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        assertThat(ProcessCpu.parse(stat, false)).isEqualTo(1750);
        assertThat(ProcessCpu.parse(stat, true)).isEqualTo(1787);
    }

    @Test
    void thisProcessHasUsedSomeCpu() {
        assertThat(ProcessCpu.ticks(ProcessHandle.current().pid(), false)).isPresent();
        assertThat(ProcessCpu.ticks(ProcessHandle.current().pid(), false).getAsLong())
                .isPositive();
    }

    @Test
    void thisJvmsCompilerThreadsHaveCompiledSomething() {
        // The test has run long enough for the JIT to have compiled at least JUnit's hot paths.
        assertThat(ProcessCpu.compilerMillis(ProcessHandle.current().pid())).isPresent();
        assertThat(ProcessCpu.compilerMillis(ProcessHandle.current().pid()).getAsLong())
                .isPositive();
        assertThat(ProcessCpu.compilerMillis(-1)).isEmpty();
    }
}
