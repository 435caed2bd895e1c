package com.orderengine.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void eightToOneHundredTwentyEightCharactersWithoutCompositionRules() {
        assertThat(policy.refusal("mugtotelamp")).as("lower case only is fine").isEmpty();
        assertThat(policy.refusal("mugtote8")).as("eight is enough").isEmpty();
        assertThat(policy.refusal("a".repeat(128))).isEmpty();
        assertThat(policy.refusal("abcdefg")).hasValue("password must be at least 8 characters");
        assertThat(policy.refusal("a".repeat(129))).hasValue("password must be at most 128 characters");
        assertThat(policy.refusal(null)).hasValue("password is required");
    }

    @Test
    void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.commonPasswords()).isEqualTo(19_640);
        for (String common : new String[] {"password1", "qwertyuiop", "iloveyou", "PassWord1", " Qwertyuiop "}) {
            assertThat(policy.refusal(common))
                    .as(common)
                    .hasValue("password is one of the most common passwords; choose another");
        }
        assertThat(policy.refusal("mug-tote-lamp-42")).isEmpty();
    }

    @Test
    void charactersAreCodePoints() {
        assertThat(policy.refusal("🔑".repeat(8)))
                .as("8 emoji are 8 characters (16 UTF-16 units)")
                .isEmpty();
        assertThat(policy.refusal("🔑".repeat(128))).isEmpty();
        assertThat(policy.refusal("🔑".repeat(129))).isPresent();
    }
}
