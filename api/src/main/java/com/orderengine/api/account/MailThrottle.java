package com.orderengine.api.account;

import com.orderengine.infrastructure.config.AccountsFactory;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The mail a visitor can make the shop send (sign-up and reset requests), so that nobody floods a customer's
 * mailbox or the shop's mail reputation, nor spends the server on password hashes. A client address past its
 * allowance is answered 429; an address that was mailed enough lately is quietly not mailed again, with the same
 * 202 as always, so the answer tells nobody which addresses have accounts.
 */
public final class MailThrottle {

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perClient;
    private final BucketConfiguration perRecipient;

    public MailThrottle(ProxyManager<String> buckets, AccountsFactory rules) {
        this.buckets = buckets;
        Duration window = rules.getMailWindow().toJavaDuration();
        this.perClient = SignInThrottle.allowance(rules.getMailsPerClient(), window);
        this.perRecipient = SignInThrottle.allowance(rules.getMailsPerRecipient(), window);
    }

    /** Empty when the client may ask for one more mail; otherwise how long to wait. */
    public Optional<Duration> takeForClient(String client) {
        ConsumptionProbe probe = buckets.builder()
                .build("mail-client:" + client, () -> perClient)
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill())));
    }

    /** False when the address was mailed enough lately. */
    public boolean takeForRecipient(String email) {
        return buckets.builder()
                .build("mail-to:" + Secrets.hashHex(email.toLowerCase(Locale.ROOT)), () -> perRecipient)
                .tryConsume(1);
    }
}
