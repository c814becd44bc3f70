package io.metasystem.mlcore.vision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ad-set attributes a set of creatives contributes to the ML features (pure). Categorical, like every ad-set
 * attribute ({@code store.AdSetAttributes}), so the ml feature function encodes them as it encodes
 * {@code placement}: {@code creative_media} (video when any creative is a video, else image), {@code creative_person}
 * (yes when any shows a person), {@code creative_person_opening} (yes when the mean share of opening frames with a
 * person is at least one half), {@code creative_brightness} (dark under 0.35, bright over 0.65, else medium; mean
 * over the creatives) and {@code creative_colourfulness} (Hasler and Süsstrunk's scale: low under 33 "slightly
 * colourful", high from 59 "quite colourful", else medium). Keys starting with {@value #PREFIX} belong to vision.
 */
public final class CreativeAttributes {
    public static final String PREFIX = "creative_";

    private CreativeAttributes() {}

    /** @return attribute key → value; empty when there is no creative */
    public static Map<String, String> of(List<CreativeFeatures> creatives) {
        Map<String, String> out = new LinkedHashMap<>();
        if (creatives.isEmpty()) {
            return out;
        }
        double brightness = 0;
        double colourfulness = 0;
        double opening = 0;
        boolean video = false;
        boolean person = false;
        for (CreativeFeatures c : creatives) {
            brightness += c.brightness() / creatives.size();
            colourfulness += c.colourfulness() / creatives.size();
            opening += c.personShareOpening() / creatives.size();
            video |= c.mediaType().equals("video");
            person |= c.personPresent();
        }
        out.put(PREFIX + "media", video ? "video" : "image");
        out.put(PREFIX + "person", person ? "yes" : "no");
        out.put(PREFIX + "person_opening", opening >= 0.5 ? "yes" : "no");
        out.put(PREFIX + "brightness", brightness < 0.35 ? "dark" : brightness > 0.65 ? "bright" : "medium");
        out.put(PREFIX + "colourfulness", colourfulness < 33 ? "low" : colourfulness < 59 ? "medium" : "high");
        return out;
    }
}
