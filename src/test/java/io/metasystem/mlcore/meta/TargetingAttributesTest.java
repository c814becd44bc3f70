package io.metasystem.mlcore.meta;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Graph API targeting and goals → ad-set attributes. */
class TargetingAttributesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Map<String, String> map(String targeting, String objective, String goal) {
        GraphAdSet adSet = new GraphAdSet(
                "1",
                "A",
                "ACTIVE",
                "ACTIVE",
                1000L,
                "c1",
                "C",
                goal,
                objective,
                targeting == null ? null : JSON.readTree(targeting));
        return TargetingAttributes.of(adSet).values();
    }

    @Test
    void mapsAFullySpecifiedInstagramReelsInterestAudience() {
        assertThat(map("""
                {"age_min":25,"age_max":34,"genders":[2],"geo_locations":{"countries":["de"]},
                 "publisher_platforms":["instagram"],"instagram_positions":["reels"],
                 "flexible_spec":[{"interests":[{"id":"6003","name":"Indie music"}]}]}
                """, "OUTCOME_SALES", "OFFSITE_CONVERSIONS"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "age",
                        "25-34",
                        "gender",
                        "female",
                        "country",
                        "DE",
                        "placement",
                        "instagram_reels",
                        "audience_type",
                        "interest",
                        "objective",
                        "outcome_sales",
                        "optimization_goal",
                        "offsite_conversions"));
    }

    @Test
    void defaultsMeanAllAgesAllGendersAutomaticPlacementsAndBroad() {
        assertThat(map("{\"geo_locations\":{\"countries\":[\"DE\",\"AT\"]}}", null, "LINK_CLICKS"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "gender",
                        "all",
                        "placement",
                        "automatic",
                        "audience_type",
                        "broad",
                        "optimization_goal",
                        "link_clicks"));
    }

    @Test
    void openEndedAgeAndBothGenders() {
        assertThat(map("{\"age_min\":18,\"age_max\":65,\"genders\":[1,2]}", null, null))
                .containsEntry("age", "18+")
                .containsEntry("gender", "all");
        assertThat(map("{\"age_min\":35,\"genders\":[1]}", null, null))
                .containsEntry("age", "35+")
                .containsEntry("gender", "male");
    }

    @Test
    void placements() {
        assertThat(map("{\"publisher_platforms\":[\"facebook\",\"instagram\"]}", null, null))
                .containsEntry("placement", "multiple");
        assertThat(map("{\"publisher_platforms\":[\"facebook\"]}", null, null)).containsEntry("placement", "facebook");
        assertThat(map(
                        "{\"publisher_platforms\":[\"facebook\"],\"facebook_positions\":[\"facebook_reels\"]}",
                        null,
                        null))
                .containsEntry("placement", "facebook_reels");
        assertThat(map(
                        "{\"publisher_platforms\":[\"facebook\"],\"facebook_positions\":[\"feed\",\"story\"]}",
                        null,
                        null))
                .containsEntry("placement", "facebook");
    }

    @Test
    void audienceTypes() {
        assertThat(map("{\"custom_audiences\":[{\"id\":\"1\",\"name\":\"Lookalike (DE, 1%) - Buyers\"}]}", null, null))
                .containsEntry("audience_type", "lookalike");
        assertThat(map(
                        "{\"custom_audiences\":[{\"id\":\"1\",\"name\":\"Newsletter\"}],"
                                + "\"interests\":[{\"id\":\"2\"}]}",
                        null,
                        null))
                .containsEntry("audience_type", "custom");
        assertThat(map("{\"interests\":[{\"id\":\"2\"}]}", null, null)).containsEntry("audience_type", "interest");
        assertThat(map("{\"flexible_spec\":[{\"behaviors\":[{\"id\":\"3\"}]}]}", null, null))
                .containsEntry("audience_type", "interest");
    }

    @Test
    void noTargetingAndNoGoalsIsNoAttributes() {
        assertThat(map(null, null, null)).isEmpty();
        assertThat(map(null, "OUTCOME_TRAFFIC", null)).containsExactlyEntriesOf(Map.of("objective", "outcome_traffic"));
    }
}
