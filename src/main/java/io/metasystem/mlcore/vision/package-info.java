/**
 * Creative analysis with YOLO detection models exported by Ultralytics to ONNX (docs/vision.md): the pure core
 * ({@code Letterbox}, {@code YoloDecoder}: letterbox, decoding of the YOLOv8 and end-to-end output layouts,
 * class-aware NMS, boxes mapped back to the image; {@code YoloMetadata}: the export's metadata), ONNX Runtime
 * sessions ({@code OnnxDetector}), the vision model registry, detection with bounded concurrency; COCO evaluation
 * ({@code CocoEval}, pure; {@code CocoAnnotations}, {@code SafeZip}) as jobs with promotion on evaluation
 * ({@code VisionEvaluations}); creatives of ad sets, video frames through ffmpeg, their features
 * ({@code CreativeFeatures}, {@code DominantColours}, pure) and the {@code creative_*} ad-set attributes they give
 * the ml features ({@code CreativeAttributes}, pure; {@code VisionCreatives}); COCO-labelled images exported as an
 * Ultralytics YOLO dataset ({@code YoloDataset}, pure; {@code VisionDatasets}); JPEG EXIF orientation
 * ({@code Images}).
 *
 * <p>Owns: the {@code vision_*} tables. May use: {@code store} (ad sets and their attributes), {@code ml},
 * {@code scheduling} (job leases), {@code config}, {@code errors}, ONNX Runtime, metadata-extractor, Spring JDBC,
 * the ffmpeg binary.
 */
package io.metasystem.mlcore.vision;
