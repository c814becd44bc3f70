package io.metasystem.mlcore.vision;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One loaded YOLO detection model (an ONNX Runtime session) and its metadata. Thread-safe: ONNX Runtime sessions
 * may run concurrently; callers bound the concurrency.
 */
public final class OnnxDetector implements AutoCloseable {
    private final OrtSession session;
    private final String inputName;
    private final String outputName;
    private final long[] outputShape;
    private final YoloMetadata metadata;
    private final OutputLayout layout;

    private OnnxDetector(
            OrtSession session,
            String inputName,
            String outputName,
            long[] outputShape,
            YoloMetadata metadata,
            OutputLayout layout) {
        this.session = session;
        this.inputName = inputName;
        this.outputName = outputName;
        this.outputShape = outputShape;
        this.metadata = metadata;
        this.layout = layout;
    }

    /**
     * Loads a model from its bytes and checks it is a supported detection export.
     *
     * @throws InvalidModelException when the bytes are not an ONNX model
     *     ({@link InvalidModelException.Reason#NOT_ONNX}),
     *     the metadata is missing or malformed ({@code METADATA}) or the output shape is unsupported
     *     ({@code UNSUPPORTED_LAYOUT})
     */
    public static OnnxDetector load(byte[] model) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = env.createSession(model, options);
        } catch (OrtException | RuntimeException e) {
            throw new InvalidModelException(
                    InvalidModelException.Reason.NOT_ONNX, "not an ONNX model ONNX Runtime can load", e);
        }
        try {
            return inspect(session);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    private static OnnxDetector inspect(OrtSession session) {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = session.getOutputInfo();
            if (inputs.size() != 1 || outputs.isEmpty()) {
                throw new InvalidModelException(
                        InvalidModelException.Reason.UNSUPPORTED_LAYOUT,
                        "the model has " + inputs.size() + " inputs and " + outputs.size()
                                + " outputs; expected one image input [1, 3, H, W]; " + OutputLayout.SUPPORTED,
                        null);
            }
            Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
            long[] inShape = in.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
            if (inShape.length != 4 || (inShape[1] != 3 && inShape[1] > 0)) {
                throw new InvalidModelException(
                        InvalidModelException.Reason.UNSUPPORTED_LAYOUT,
                        "input " + in.getKey() + " has shape " + Arrays.toString(inShape) + "; expected [1, 3, H, W]",
                        null);
            }
            YoloMetadata metadata;
            try {
                metadata = YoloMetadata.parse(session.getMetadata().getCustomMetadata(), inShape[2], inShape[3]);
            } catch (IllegalArgumentException e) {
                throw new InvalidModelException(InvalidModelException.Reason.METADATA, e.getMessage(), e);
            }
            Map.Entry<String, NodeInfo> out = outputs.entrySet().iterator().next();
            long[] outShape = out.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
            OutputLayout layout = OutputLayout.of(outShape, metadata.names().size())
                    .orElseThrow(() -> new InvalidModelException(
                            InvalidModelException.Reason.UNSUPPORTED_LAYOUT,
                            "output " + out.getKey() + " has shape " + Arrays.toString(outShape) + " with "
                                    + metadata.names().size() + " classes; " + OutputLayout.SUPPORTED,
                            null));
            return new OnnxDetector(session, in.getKey(), out.getKey(), outShape, metadata, layout);
        } catch (OrtException e) {
            throw new InvalidModelException(InvalidModelException.Reason.NOT_ONNX, "cannot read the model", e);
        }
    }

    /** @return the model's metadata */
    public YoloMetadata metadata() {
        return metadata;
    }

    /** @return the output layout */
    public OutputLayout layout() {
        return layout;
    }

    /** @return the declared output shape (dynamic dimensions are −1) */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /**
     * Letterboxes the image, runs the model, decodes and maps boxes back to the image's pixels.
     *
     * @param rgb    packed {@code 0xRRGGBB} pixels, row-major
     * @param width  image width in pixels
     * @param height image height in pixels
     * @return detections in original pixels, best first (end-to-end models: model order)
     */
    public List<Detection> detect(int[] rgb, int width, int height, DetectionSettings settings) {
        Letterbox box = Letterbox.of(width, height, metadata.imgszWidth(), metadata.imgszHeight());
        float[] input = box.tensor(rgb);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[] shape = {1, 3, metadata.imgszHeight(), metadata.imgszWidth()};
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(outputName).orElseThrow();
            long[] actual = out.getInfo().getShape();
            FloatBuffer buffer = out.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            List<Detection> decoded =
                    YoloDecoder.decode(values, actual, layout, metadata.names().size(), settings);
            List<Detection> mapped = new ArrayList<>(decoded.size());
            for (Detection d : decoded) {
                mapped.add(d.withBox(box.toOriginal(d.box())));
            }
            return mapped;
        } catch (OrtException e) {
            throw new IllegalStateException("inference failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // nothing to recover
        }
    }
}
