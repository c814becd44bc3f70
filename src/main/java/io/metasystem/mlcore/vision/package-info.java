/**
 * Creative analysis with YOLO detection models exported by Ultralytics to ONNX (docs/vision.md): the pure core
 * ({@code Letterbox}, {@code YoloDecoder}: letterbox, decoding of the YOLOv8 and end-to-end output layouts,
 * class-aware NMS, boxes mapped back to the image; {@code YoloMetadata}: the export's metadata), ONNX Runtime
 * sessions ({@code OnnxDetector}), the vision model registry, detection with bounded concurrency.
 *
 * <p>Owns: the {@code vision_*} tables. May use: {@code store}, {@code ml}, {@code config}, {@code errors}, ONNX
 * Runtime, Spring JDBC.
 */
package io.metasystem.mlcore.vision;
