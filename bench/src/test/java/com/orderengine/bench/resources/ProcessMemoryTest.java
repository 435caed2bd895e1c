package com.orderengine.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    @Test
    void readsTheResidentSetInKilobytesAsBytes() {
        String status = "Name:\ttemporal-server\nState:\tS (sleeping)\nVmPeak:\t 2456780 kB\nVmRSS:\t  126396 kB\n"
                + "RssAnon:\t   80000 kB\n";

        assertThat(ProcessMemory.parseResident(status)).hasValue(126396L * 1024);
    }

    @Test
    void aZombieHasNoResidentSetAndAGoneProcessNothing() {
        assertThat(ProcessMemory.parseResident("Name:\tjava\nState:\tZ (zombie)\n"))
                .isEmpty();
        assertThat(ProcessMemory.residentBytes(-1)).isEmpty();
    }

    @Test
    void thisJvmIsResident() {
        assertThat(ProcessMemory.residentBytes(ProcessHandle.current().pid()).orElse(0))
                .isGreaterThan(1 << 20);
    }
}
