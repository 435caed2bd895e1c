package com.orderengine.api.http;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An address Stripe takes and a person could have typed: a dotted domain, and no whitespace, control or format
 * character (such as a right-to-left override), which Bean Validation's {@code @Email} lets through. Its own
 * constraint rather than {@code @Pattern}, so the OpenAPI document states the rule in a regex dialect every client
 * reads (see {@code CheckoutRequest}) instead of Java's.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = WellFormedEmail.Validator.class)
public @interface WellFormedEmail {

    String message() default "must be a well-formed email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<WellFormedEmail, String> {

        private static final Pattern ADDRESS =
                Pattern.compile("[^@\\s\\p{Cc}\\p{Cf}]+@[^@\\s\\p{Cc}\\p{Cf}]+\\.[^@\\s\\p{Cc}\\p{Cf}]+");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || ADDRESS.matcher(value).matches();
        }
    }
}
