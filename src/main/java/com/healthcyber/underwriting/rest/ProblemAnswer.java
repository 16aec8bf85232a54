package com.healthcyber.underwriting.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A problem document an operation can answer, in one line: {@link ProblemResponses} writes the
 * media type, schema and headers of every one, so a resource says only the status and what it
 * means here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(ProblemAnswer.List.class)
@interface ProblemAnswer {

    int status();

    String description();

    /** The body's schema: a {@link Problem}, or a problem with extension members of its own. */
    Class<?> schema() default Problem.class;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        ProblemAnswer[] value();
    }
}
