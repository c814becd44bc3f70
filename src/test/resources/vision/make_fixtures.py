#!/usr/bin/env python3
"""Writes the tiny ONNX fixtures of the vision tests (Debian: apt-get install -y python3-onnx; run from this folder).

Each model takes `images` [1, 3, 64, 64] and answers a constant tensor of planted boxes in letterboxed (64 x 64)
coordinates (plus 0 x mean(images), so the input is used), with the metadata an Ultralytics export carries.
The expected detections are worked out by hand in the tests (io.metasystem.mlcore.vision.*Test).
"""
import onnx
from onnx import TensorProto, helper

META = {
    "description": "ML Core test fixture (planted boxes)",
    "author": "ML Core tests",
    "version": "8.3.0",
    "license": "AGPL-3.0 License (https://ultralytics.com/license)",
    "stride": "32",
    "task": "detect",
    "batch": "1",
    "imgsz": "[64, 64]",
    "names": "{0: 'person', 1: 'bicycle'}",
}


def model(name, values, shape, meta=META):
    flat = [v for row in values for v in row]
    const = helper.make_node("Constant", [], ["planted"], value=helper.make_tensor("p", TensorProto.FLOAT, shape, flat))
    mean = helper.make_node("ReduceMean", ["images"], ["mean"], keepdims=0)
    zero = helper.make_node("Constant", [], ["zero"], value=helper.make_tensor("z", TensorProto.FLOAT, [], [0.0]))
    mul = helper.make_node("Mul", ["mean", "zero"], ["nothing"])
    add = helper.make_node("Add", ["planted", "nothing"], ["output0"])
    graph = helper.make_graph(
        [const, mean, zero, mul, add],
        name,
        [helper.make_tensor_value_info("images", TensorProto.FLOAT, [1, 3, 64, 64])],
        [helper.make_tensor_value_info("output0", TensorProto.FLOAT, shape)],
    )
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="mlcore-fixtures")
    m.ir_version = 8
    for k, v in meta.items():
        p = m.metadata_props.add()
        p.key, p.value = k, v
    onnx.checker.check_model(m)
    onnx.save(m, name + ".onnx")


# YOLOv8 layout [1, 4 + 2, 8]: rows cx, cy, w, h, score(person), score(bicycle); one column per anchor.
anchors = [
    # cx, cy, w, h, person, bicycle
    (20, 30, 10, 20, 0.9, 0.1),  # person, kept
    (21, 30, 10, 20, 0.8, 0.05),  # person, IoU 0.818 with the first: suppressed
    (21, 30, 10, 20, 0.1, 0.85),  # bicycle on the same spot: other class, kept
    (50, 30, 8, 8, 0.3, 0.0),  # person, kept (0.3 > 0.25)
    (10, 50, 4, 4, 0.25, 0.0),  # exactly the threshold: dropped (strictly above)
    (30, 10, 4, 4, 0.2, 0.24),  # below: dropped
    (60, 20, 20, 10, 0.0, 0.6),  # bicycle crossing the right edge: clipped
    (0, 0, 0, 0, 0.0, 0.0),
]
model("yolov8_planted", [[a[r] for a in anchors] for r in range(6)], [1, 6, len(anchors)])

# End-to-end layout [1, 5, 6]: x1, y1, x2, y2, score, class (no NMS applied by the service).
model(
    "e2e_planted",
    [
        (15, 20, 25, 40, 0.9, 0),
        (16, 20, 26, 40, 0.8, 0),
        (46, 26, 54, 34, 0.2, 1),
        (0, 0, 64, 64, 0.5, 1),
        (0, 0, 0, 0, 0.0, 0),
    ],
    [1, 5, 6],
)

# Neither layout: [1, 7, 3] with two classes.
model("bad_shape", [[0.0] * 3 for _ in range(7)], [1, 7, 3])
