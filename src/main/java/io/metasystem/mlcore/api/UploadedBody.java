package io.metasystem.mlcore.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/** Hands an uploaded file (raw request body or multipart part) to a reader once and closes it afterwards. */
final class UploadedBody {
    /** Reads a whole upload. */
    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream body) throws IOException;
    }

    private UploadedBody() {}

    static <T> T read(HttpServletRequest request, Reader<T> reader) throws IOException {
        try (InputStream body = request.getInputStream()) {
            return reader.read(body);
        }
    }

    static <T> T read(MultipartFile file, Reader<T> reader) throws IOException {
        try (InputStream body = file.getInputStream()) {
            return reader.read(body);
        }
    }
}
