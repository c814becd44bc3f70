package io.metasystem.mlcore.web;

import io.metasystem.mlcore.vision.CreativePreview;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CreativeCardTest {
    private static CreativeCard card(int w, int h, int ow, int oh, CreativePreview.Box... boxes) {
        return new CreativeCard(null, "ad set", new CreativePreview("c", w, h, ow, oh, List.of(boxes)));
    }

    @Test
    void boxesAreScaledToTheThumbnailAndClippedToIt() {
        CreativeCard c = card(
                320,
                160,
                512,
                256,
                new CreativePreview.Box(0, "person", 0.9, 120, 32, 200, 192),
                new CreativePreview.Box(1, "bicycle", 0.6, 400, -10, 600, 72));
        List<CreativeCard.Drawn> d = c.boxes();
        assertThat(d.get(0).x()).isEqualTo(75);
        assertThat(d.get(0).y()).isEqualTo(20);
        assertThat(d.get(0).width()).isEqualTo(50);
        assertThat(d.get(0).height()).isEqualTo(100);
        assertThat(d.get(1).x()).isEqualTo(250);
        assertThat(d.get(1).y()).isZero();
        assertThat(d.get(1).width()).isEqualTo(70);
        assertThat(d.get(1).height()).isEqualTo(45);
    }

    @Test
    void labelsStayInsideTheThumbnailAndDoNotOverlapWhileThereIsRoom() {
        Random random = new Random(17);
        for (int run = 0; run < 300; run++) {
            int w = 40 + random.nextInt(281);
            int h = 40 + random.nextInt(281);
            List<CreativePreview.Box> boxes = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                double x1 = random.nextDouble() * w;
                double y1 = random.nextDouble() * h;
                boxes.add(new CreativePreview.Box(
                        0, "person", 0.5, x1, y1, x1 + random.nextDouble() * w, y1 + random.nextDouble() * h));
            }
            List<CreativeCard.Drawn> drawn =
                    card(w, h, w, h, boxes.toArray(CreativePreview.Box[]::new)).boxes();
            double labelWidth = ("person".length() + 5) * CreativeCard.LABEL_CHAR_WIDTH;
            for (CreativeCard.Drawn d : drawn) {
                assertThat(d.labelX()).isGreaterThanOrEqualTo(0);
                assertThat(d.labelX() + labelWidth).isLessThanOrEqualTo(Math.max(w, labelWidth) + 0.05);
                assertThat(d.x() + d.width()).isLessThanOrEqualTo(w);
                assertThat(d.y() + d.height()).isLessThanOrEqualTo(h);
            }
        }
        // the planted overlapping pair: the second label goes inside its box instead of over the first
        List<CreativeCard.Drawn> pair = card(
                        320,
                        160,
                        320,
                        160,
                        new CreativePreview.Box(0, "person", 0.9, 75, 20, 125, 120),
                        new CreativePreview.Box(1, "bicycle", 0.85, 80, 22, 130, 120))
                .boxes();
        assertThat(pair.get(0).labelY()).isCloseTo(17, within(0.01));
        assertThat(pair.get(1).labelY()).isGreaterThan(pair.get(0).labelY() + CreativeCard.LABEL_HEIGHT - 2);
    }

    @Test
    void aCardWithoutPreviewHasNoBoxes() {
        assertThat(new CreativeCard(null, "x", null).boxes()).isEmpty();
    }
}
