#!/usr/bin/env python3
"""Writes the COCO evaluation example of docs/examples (Python standard library only; run from the repository root).

vision-coco-images.zip holds two 64 x 64 grey PNGs (street-1.png, street-2.png); vision-coco-annotations.json places a
person and a bicycle on each where yolov8_planted.onnx answers them (letterbox gain 1: boxes as planted), so that
model scores mAP 1.0 and e2e_planted.onnx (no bicycle there) 0.5. docs/vision.md explains the numbers.
"""
import json
import struct
import zipfile
import zlib


def png(width, height, grey=114):
    raw = b"".join(b"\x00" + bytes([grey, grey, grey]) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


images = [{"id": 1, "file_name": "street-1.png", "width": 64, "height": 64},
          {"id": 2, "file_name": "street-2.png", "width": 64, "height": 64}]
annotations = []
for image in images:
    for category, bbox in ((1, [15, 20, 10, 20]), (2, [16, 20, 10, 20])):
        annotations.append({"id": len(annotations) + 1, "image_id": image["id"], "category_id": category,
                            "bbox": bbox, "area": bbox[2] * bbox[3], "iscrowd": 0})
coco = {"images": images, "annotations": annotations,
        "categories": [{"id": 1, "name": "person"}, {"id": 2, "name": "bicycle"}]}
with open("docs/examples/vision-coco-annotations.json", "w") as f:
    json.dump(coco, f, indent=2)
    f.write("\n")
with zipfile.ZipFile("docs/examples/vision-coco-images.zip", "w", zipfile.ZIP_DEFLATED) as z:
    for image in images:
        info = zipfile.ZipInfo(image["file_name"], date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, png(64, 64))
with zipfile.ZipFile("docs/examples/vision-coco-unsafe.zip", "w", zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo("../street-1.png", date_time=(2026, 1, 1, 0, 0, 0))
    z.writestr(info, png(64, 64))
