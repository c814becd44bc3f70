package io.metasystem.mlcore.api;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of the optimize request body as received, taken while Jackson reads it (the body stream passes through
 * a {@link DigestInputStream}: no copy, no second serialisation). The controller reads it from the request attribute
 * {@link #ATTRIBUTE} (lower-case hex) as the recommendation's {@code request_hash}.
 */
@ControllerAdvice(assignableTypes = OptimizeController.class)
class RequestBodyDigest extends RequestBodyAdviceAdapter {
    /** Request attribute holding the lower-case hex SHA-256 of the body, set after the body is read. */
    static final String ATTRIBUTE = "mlcore.request_body_sha256";

    private static final String STREAM = "mlcore.request_body_digest_stream";

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == OptimizeRequest.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType)
            throws IOException {
        DigestInputStream digesting = new DigestInputStream(input.getBody(), sha256());
        RequestContextHolder.currentRequestAttributes()
                .setAttribute(STREAM, digesting, RequestAttributes.SCOPE_REQUEST);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return digesting;
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage input,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        RequestAttributes attributes = RequestContextHolder.currentRequestAttributes();
        if (attributes.getAttribute(STREAM, RequestAttributes.SCOPE_REQUEST) instanceof DigestInputStream digesting) {
            try {
                // Jackson stops after the root value (and fails on anything but whitespace after it): digest the rest
                digesting.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            attributes.setAttribute(
                    ATTRIBUTE,
                    HexFormat.of().formatHex(digesting.getMessageDigest().digest()),
                    RequestAttributes.SCOPE_REQUEST);
            attributes.removeAttribute(STREAM, RequestAttributes.SCOPE_REQUEST);
        }
        return body;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
