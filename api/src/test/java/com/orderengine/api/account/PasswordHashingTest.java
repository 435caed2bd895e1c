package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    private final PasswordHashing hashing = new PasswordHashing();

    @Test
    void storesArgon2idWithOwaspsParametersAsAPhcString() {
        String phc = hashing.hash("correct horse battery staple");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hashing.hash("correct horse battery staple"))
                .as("a fresh salt each time")
                .isNotEqualTo(phc);
    }

    @Test
    void verifiesTheRightPasswordOnly() {
        String phc = hashing.hash("correct horse battery staple");

        assertThat(hashing.verify("correct horse battery staple", phc)).isTrue();
        assertThat(hashing.verify("correct horse battery stapl", phc)).isFalse();
        assertThat(hashing.verify("Correct horse battery staple", phc)).isFalse();
        assertThat(hashing.verify("correct horse battery staple", null)).isFalse();
        assertThat(hashing.verify("correct horse battery staple", "$2a$10$notargon"))
                .isFalse();
        assertThat(hashing.verify("correct horse battery staple", "$argon2id$garbage"))
                .isFalse();
    }

    @Test
    void everyCharacterCountsNoTruncation() {
        String long1 = "a".repeat(127) + "b";
        String long2 = "a".repeat(127) + "c";
        String phc = hashing.hash(long1);

        assertThat(hashing.verify(long1, phc)).isTrue();
        assertThat(hashing.verify(long2, phc)).as("the 128th character matters").isFalse();
        assertThat(hashing.verify("pässwörd🔑ok", hashing.hash("pässwörd🔑ok"))).isTrue();
    }

    @Test
    void anUnknownAccountCostsWhatAWrongPasswordCosts() {
        String phc = hashing.hash("correct horse battery staple");
        for (int i = 0; i < 5; i++) { // the JIT first, untimed
            hashing.verify("warm-up " + i, phc);
            hashing.verifyNothing("warm-up " + i);
        }
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // Alternating which goes first, so that neither always runs right after the other.
            boolean wrongFirst = i % 2 == 0;
            for (int turn = 0; turn < 2; turn++) {
                long start = System.nanoTime();
                if (wrongFirst == (turn == 0)) {
                    hashing.verify("wrong password " + i, phc);
                    wrong.add(System.nanoTime() - start);
                } else {
                    assertThat(hashing.verifyNothing("wrong password " + i)).isFalse();
                    unknown.add(System.nanoTime() - start);
                }
            }
        }
        double ratio = (double) median(unknown) / median(wrong);
        System.out.printf(
                "Argon2id m=19456 t=2 p=1: median verification %.1f ms (wrong password), %.1f ms (unknown account)%n",
                median(wrong) / 1e6, median(unknown) / 1e6);
        assertThat(ratio).as("unknown / wrong median time").isBetween(0.8, 1.25);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
