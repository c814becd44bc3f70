package io.metasystem.mlcore.store;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeflatedTextTest {

    @Test
    void seededRandomTextsComeBackCharForChar() {
        Random random = new Random(20261204);
        String alphabet = "{}[]\":,0123456789.abcdefghij_ €é\u00fc\u2013\u03b8\n\t\\\uD83D\uDE00";
        for (int trial = 0; trial < 500; trial++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(trial < 10 ? 3 : 5000);
            for (int i = 0; i < n; i++) {
                int c = random.nextInt(alphabet.length());
                // keep surrogate pairs whole: the contract is for well-formed strings
                if (Character.isHighSurrogate(alphabet.charAt(c))) {
                    text.append(alphabet, c, c + 2);
                } else if (!Character.isLowSurrogate(alphabet.charAt(c))) {
                    text.append(alphabet.charAt(c));
                }
            }
            String s = text.toString();
            assertThat(DeflatedText.inflate(DeflatedText.deflate(s))).isEqualTo(s);
        }
    }

    @Test
    void nullStaysNullAndTheDeflatedColumnWinsOverThePlainOne() {
        assertThat(DeflatedText.deflate(null)).isNull();
        assertThat(DeflatedText.inflate(null)).isNull();
        assertThat(DeflatedText.of(null, "old row")).isEqualTo("old row");
        assertThat(DeflatedText.of(DeflatedText.deflate("new row"), null)).isEqualTo("new row");
        assertThat(DeflatedText.of(null, null)).isNull();
    }

    @Test
    void theBytesAreAPlainZlibStreamOfTheUtf8Text() throws Exception {
        String json =
                "{\"id\":\"e1\",\"type\":\"recommendation.created\",\"data\":{\"currency\":\"EUR\",\"name\":\"é\"}}";
        byte[] deflated = DeflatedText.deflate(json);
        Inflater inflater = new Inflater();
        inflater.setInput(deflated);
        byte[] raw = new byte[1000];
        int n = inflater.inflate(raw);
        assertThat(inflater.finished()).isTrue();
        inflater.end();
        assertThat(Arrays.copyOf(raw, n)).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aJsonEventIsSeveralTimesSmaller() {
        StringBuilder event = new StringBuilder("{\"type\":\"recommendation.created\",\"adsets\":[");
        for (int i = 0; i < 100; i++) {
            event.append("{\"recommended_budget\":")
                    .append(100 + i * 1.37)
                    .append(",\"adset_id\":\"238500000000")
                    .append(10000 + i)
                    .append("\"},");
        }
        String text = event.append("{}]}").toString();
        assertThat(DeflatedText.deflate(text).length).isLessThan(text.length() / 3);
    }

    @Test
    void truncatedOrForeignBytesAreRefused() {
        byte[] deflated = DeflatedText.deflate("some text that is long enough to be cut, some text that is long");
        assertThatThrownBy(() -> DeflatedText.inflate(Arrays.copyOf(deflated, deflated.length / 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeflatedText.inflate(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeflatedText.inflate(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
