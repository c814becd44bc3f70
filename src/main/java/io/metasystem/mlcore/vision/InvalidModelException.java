package io.metasystem.mlcore.vision;

/** An uploaded file is not a detection model the service can run; the reason says which answer it gets. */
public class InvalidModelException extends RuntimeException {
    /** Why a model was refused. */
    public enum Reason {
        /** Not an ONNX file (400). */
        NOT_ONNX,
        /** ONNX, but without readable Ultralytics metadata (422). */
        METADATA,
        /** ONNX with an input or output shape the service does not decode (422). */
        UNSUPPORTED_LAYOUT
    }

    private final Reason reason;

    public InvalidModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return why the model was refused */
    public Reason reason() {
        return reason;
    }
}
