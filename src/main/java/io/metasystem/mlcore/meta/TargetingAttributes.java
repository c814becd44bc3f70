package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.store.AdSetAttributes;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps an ad set's Graph API targeting and goals to the {@link AdSetAttributes} the ml package predicts priors from.
 * Values are lower case (except country codes); a key is left out when Meta's answer does not determine it.
 * <ul>
 * <li>{@code age}: {@code age_min-age_max} ({@code 25-34}); an {@code age_max} of 65 (Meta's top) is {@code 25+}.</li>
 * <li>{@code gender}: {@code genders} [1] male, [2] female, anything else all.</li>
 * <li>{@code placement}: no {@code publisher_platforms} is {@code automatic} (Advantage+ placements); one platform with
 * one position is that position, prefixed with the platform unless it already is ({@code instagram_reels},
 * {@code facebook_reels}); one platform otherwise is the platform; several are {@code multiple}.</li>
 * <li>{@code country}: {@code geo_locations.countries} when it holds exactly one country.</li>
 * <li>{@code objective} (the campaign's), {@code optimization_goal}.</li>
 * <li>{@code audience_type}: {@code lookalike} when a custom audience is named like a lookalike (the targeting spec
 * carries only id and name), else {@code custom} with custom audiences, {@code interest} with interests or behaviours
 * (top level or in {@code flexible_spec}), else {@code broad}.</li>
 * </ul>
 */
final class TargetingAttributes {
    private static final int META_MAX_AGE = 65;

    private TargetingAttributes() {}

    /** The attributes of an ad set; {@link AdSetAttributes#NONE} when Meta returned neither targeting nor goals. */
    static AdSetAttributes of(GraphAdSet adSet) {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "objective", lower(adSet.objective()));
        put(out, "optimization_goal", lower(adSet.optimizationGoal()));
        JsonNode t = adSet.targeting();
        if (t != null) {
            put(out, "age", age(t));
            put(out, "gender", gender(t.path("genders")));
            put(out, "placement", placement(t));
            JsonNode countries = t.path("geo_locations").path("countries");
            if (countries.isArray() && countries.size() == 1) {
                put(out, "country", countries.get(0).asString().toUpperCase(Locale.ROOT));
            }
            put(out, "audience_type", audienceType(t));
        }
        return new AdSetAttributes(out);
    }

    static String age(JsonNode t) {
        if (!t.has("age_min") && !t.has("age_max")) {
            return null;
        }
        int min = t.path("age_min").asInt(18);
        int max = t.path("age_max").asInt(META_MAX_AGE);
        return max >= META_MAX_AGE ? min + "+" : min + "-" + max;
    }

    static String gender(JsonNode genders) {
        if (genders.isArray() && genders.size() == 1) {
            int g = genders.get(0).asInt();
            return g == 1 ? "male" : g == 2 ? "female" : "all";
        }
        return "all";
    }

    static String placement(JsonNode t) {
        JsonNode platforms = t.path("publisher_platforms");
        if (!platforms.isArray() || platforms.isEmpty()) {
            return "automatic";
        }
        if (platforms.size() > 1) {
            return "multiple";
        }
        String platform = lower(platforms.get(0).asString());
        JsonNode positions = t.path(platform + "_positions");
        if (positions.isArray() && positions.size() == 1) {
            String position = lower(positions.get(0).asString());
            return position.startsWith(platform) ? position : platform + "_" + position;
        }
        return platform;
    }

    static String audienceType(JsonNode t) {
        JsonNode custom = t.path("custom_audiences");
        if (custom.isArray() && !custom.isEmpty()) {
            for (JsonNode a : custom) {
                if (a.path("name").asString("").toLowerCase(Locale.ROOT).contains("lookalike")) {
                    return "lookalike";
                }
            }
            return "custom";
        }
        List<JsonNode> specs = new ArrayList<>();
        specs.add(t);
        t.path("flexible_spec").forEach(specs::add);
        for (JsonNode spec : specs) {
            for (String key : List.of("interests", "behaviors")) {
                if (spec.path(key).isArray() && !spec.path(key).isEmpty()) {
                    return "interest";
                }
            }
        }
        return "broad";
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null && !value.isBlank()) {
            out.put(
                    key,
                    value.length() > AdSetAttributes.MAX_VALUE_LENGTH
                            ? value.substring(0, AdSetAttributes.MAX_VALUE_LENGTH)
                            : value);
        }
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
