package io.metasystem.mlcore.api;

import org.springframework.core.annotation.AliasFor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@code POST} that takes a CSV file as the raw request body ({@code text/csv}, {@code application/csv},
 * {@code text/plain} or {@code application/octet-stream}) and answers JSON; the multipart twin of the same path is
 * {@link MultipartCsvPost}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequestMapping(
        method = RequestMethod.POST,
        consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE
        },
        produces = MediaType.APPLICATION_JSON_VALUE)
@interface RawCsvPost {
    /** @return the route */
    @AliasFor(annotation = RequestMapping.class, attribute = "path")
    String[] value();
}
