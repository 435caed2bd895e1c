package com.orderengine.api.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Passwords as OWASP's password storage guidance recommends: Argon2id with m = 19 MiB, t = 2, p = 1, a 16-byte
 * random salt and a 32-byte hash, stored as a PHC string ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}).
 * The parameters travel in the string, so raising them later still verifies every stored hash.
 */
public final class PasswordHashing {

    static final int MEMORY_KIB = 19 * 1024;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function argon2 =
            Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES, Argon2.ID);
    /** Verified against when no account matches, so that an unknown email costs what a wrong password costs. */
    private final String dummy = hash("not-a-password-anyone-has");

    /** The PHC string of {@code password} with a fresh salt. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    /** Whether {@code password} is the one {@code phc} was made from; false for anything that is not such a string. */
    public boolean verify(String password, String phc) {
        if (phc == null || !phc.startsWith("$argon2id$")) {
            return false;
        }
        try {
            return Password.check(password, phc).with(Argon2Function.getInstanceFromHash(phc));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Spends the time of one verification and answers false: for an email with no account behind it. */
    public boolean verifyNothing(String password) {
        verify(password, dummy);
        return false;
    }
}
