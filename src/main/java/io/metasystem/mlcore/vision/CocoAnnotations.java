package io.metasystem.mlcore.vision;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.store.StoredJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A COCO detection annotation file ({@code images}, {@code annotations}, {@code categories}; the format of
 * https://cocodataset.org/#format-data): boxes {@code [x, y, w, h]} in pixels, {@code area} as annotated (the box
 * area when absent), {@code iscrowd} 0 or 1. Only what box evaluation needs is read; segmentations are ignored.
 *
 * @param images      image id → file name
 * @param categories  category id → name, in file order
 * @param groundTruth every annotation as a {@link CocoEval.Gt}
 */
public record CocoAnnotations(
        Map<Long, String> images, Map<Integer, String> categories, List<CocoEval.Gt> groundTruth) {
    /** Most problems listed in one 400. */
    static final int MAX_PROBLEMS = 20;

    /**
     * @param field the request part, named in errors
     * @throws InvalidInputException (400) listing what is wrong (at most {@value #MAX_PROBLEMS} problems)
     */
    public static CocoAnnotations parse(byte[] json, String field) {
        JsonNode root;
        try {
            root = StoredJson.MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException(field, "is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(field, "must be a COCO JSON object with images, annotations, categories");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<Long, String> images = new LinkedHashMap<>();
        Map<Integer, String> categories = new LinkedHashMap<>();
        List<CocoEval.Gt> gts = new ArrayList<>();
        for (String key : List.of("images", "annotations", "categories")) {
            if (!root.path(key).isArray()) {
                problems.add(new FieldProblem(field + "." + key, "must be an array"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int i = 0;
        for (JsonNode image : root.get("images")) {
            String where = field + ".images[" + i++ + "]";
            JsonNode id = image.path("id");
            String name = image.path("file_name").asString(null);
            if (!id.isIntegralNumber()) {
                add(problems, where + ".id", "must be an integer");
            } else if (name == null || name.isBlank()) {
                add(problems, where + ".file_name", "is required");
            } else if (images.put(id.asLong(), name) != null) {
                add(problems, where + ".id", "image id " + id.asLong() + " appears twice");
            }
        }
        i = 0;
        for (JsonNode category : root.get("categories")) {
            String where = field + ".categories[" + i++ + "]";
            JsonNode id = category.path("id");
            if (!id.isIntegralNumber()) {
                add(problems, where + ".id", "must be an integer");
            } else {
                categories.put(id.asInt(), category.path("name").asString(String.valueOf(id.asInt())));
            }
        }
        i = 0;
        for (JsonNode a : root.get("annotations")) {
            String where = field + ".annotations[" + i++ + "]";
            JsonNode bbox = a.path("bbox");
            long imageId = a.path("image_id").asLong(-1);
            int categoryId = a.path("category_id").asInt(Integer.MIN_VALUE);
            if (!a.path("image_id").isIntegralNumber() || !images.containsKey(imageId)) {
                add(problems, where + ".image_id", "must be the id of an entry of images");
                continue;
            }
            if (!a.path("category_id").isIntegralNumber() || !categories.containsKey(categoryId)) {
                add(problems, where + ".category_id", "must be the id of an entry of categories");
                continue;
            }
            if (!bbox.isArray()
                    || bbox.size() != 4
                    || !bbox.valueStream().allMatch(JsonNode::isNumber)
                    || bbox.get(2).asDouble() < 0
                    || bbox.get(3).asDouble() < 0) {
                add(problems, where + ".bbox", "must be [x, y, w, h] with w, h >= 0");
                continue;
            }
            double w = bbox.get(2).asDouble();
            double h = bbox.get(3).asDouble();
            double area = a.path("area").isNumber() ? a.path("area").asDouble() : w * h;
            gts.add(new CocoEval.Gt(
                    imageId,
                    categoryId,
                    bbox.get(0).asDouble(),
                    bbox.get(1).asDouble(),
                    w,
                    h,
                    area,
                    a.path("iscrowd").asInt(0) == 1));
        }
        if (images.isEmpty() && problems.isEmpty()) {
            add(problems, field + ".images", "must not be empty");
        }
        if (categories.isEmpty() && problems.isEmpty()) {
            add(problems, field + ".categories", "must not be empty");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new CocoAnnotations(Map.copyOf(images), categories, List.copyOf(gts));
    }

    private static void add(List<FieldProblem> problems, String field, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FieldProblem(field, message));
        }
    }
}
