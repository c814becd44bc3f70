package io.metasystem.mlcore.vision;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CreativeFeaturesTest {
    private static final ImageFeatures GREY = new ImageFeatures(0.5, 0, 0, 1);

    static VisionDetection.Found found(String name, double x1, double y1, double x2, double y2) {
        return new VisionDetection.Found(0, name, 0.9, new double[] {x1, y1, x2, y2});
    }

    static int[] solid(int rgb, int n) {
        int[] p = new int[n];
        Arrays.fill(p, rgb);
        return p;
    }

    @Test
    void framesAggregateIntoPresenceCountsAreaSharesAndTheOpening() {
        // 4 seconds of a 10 x 10 video: a person in seconds 0 and 3 (two of them in second 3), a dog in second 1
        List<CreativeFeatures.Frame> frames = List.of(
                new CreativeFeatures.Frame(GREY, List.of(found("person", 0, 0, 5, 10))),
                new CreativeFeatures.Frame(GREY, List.of(found("dog", 0, 0, 10, 10))),
                new CreativeFeatures.Frame(GREY, List.of()),
                new CreativeFeatures.Frame(
                        GREY, List.of(found("person", 0, 0, 10, 10), found("person", 0, 0, 10, 10))));
        int[] px = solid(0x808080, 100);
        CreativeFeatures f = CreativeFeatures.of("video", 10, 10, 4.0, frames, List.of(px, px, px, px));
        assertThat(f.frames()).isEqualTo(4);
        assertThat(f.personPresent()).isTrue();
        // opening = the first 3 seconds: a person in 1 of 3
        assertThat(f.personShareOpening()).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(f.objects()).containsOnlyKeys("dog", "person");
        assertThat(f.objects().get("person").presence()).isEqualTo(0.5);
        assertThat(f.objects().get("person").maxCount()).isEqualTo(2);
        // areas 0.5 and min(1, 2) = 1 over 4 frames
        assertThat(f.objects().get("person").meanAreaShare()).isCloseTo(1.5 / 4, within(1e-12));
        assertThat(f.objects().get("dog").meanAreaShare()).isCloseTo(0.25, within(1e-12));
        assertThat(f.brightness()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void dominantColoursAreTheFullestBoxesWithTheirMeanColourAndShare() {
        int[] pixels = new int[10];
        Arrays.fill(pixels, 0, 6, 0x0000ff);
        Arrays.fill(pixels, 6, 9, 0xff0000);
        pixels[9] = 0x00ff00;
        List<DominantColours.Colour> top = DominantColours.of(List.of(pixels), 2);
        assertThat(top)
                .containsExactly(
                        new DominantColours.Colour("#0000ff", 0.6), new DominantColours.Colour("#ff0000", 0.3));
    }

    @Test
    void attributesBucketTheMeanAndSayYesWhenAnyCreativeShowsAPerson() {
        CreativeFeatures dark = features("image", 0.2, 20, false, 0);
        CreativeFeatures brightVideo = features("video", 0.9, 80, true, 1);
        assertThat(CreativeAttributes.of(List.of(dark)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "creative_media", "image",
                        "creative_person", "no",
                        "creative_person_opening", "no",
                        "creative_brightness", "dark",
                        "creative_colourfulness", "low"));
        // means 0.55 and 50: medium, medium; one video, one person, opening mean 0.5
        assertThat(CreativeAttributes.of(List.of(dark, brightVideo)))
                .containsEntry("creative_media", "video")
                .containsEntry("creative_person", "yes")
                .containsEntry("creative_person_opening", "yes")
                .containsEntry("creative_brightness", "medium")
                .containsEntry("creative_colourfulness", "medium");
        assertThat(CreativeAttributes.of(List.of())).isEmpty();
    }

    static CreativeFeatures features(
            String media, double brightness, double colourfulness, boolean person, double opening) {
        return new CreativeFeatures(
                media, 10, 10, 1, null, 1, brightness, 0, colourfulness, List.of(), person, opening, Map.of());
    }
}
