package dev.runtimeservice.common.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholeNumbersTest {

    @Test
    void wholeDoublesBecomeLongsAtAnyDepthAndEverythingElseIsKept() {
        Map<String, Object> data = Map.of(
                "total",
                3.0,
                "score",
                0.25,
                "entries",
                List.of(Map.of("size", 1024.0, "name", "a.txt")),
                "huge",
                1e300,
                "flag",
                true);

        assertThat(WholeNumbers.of(data))
                .isEqualTo(Map.of(
                        "total",
                        3L,
                        "score",
                        0.25,
                        "entries",
                        List.of(Map.of("size", 1024L, "name", "a.txt")),
                        "huge",
                        1e300,
                        "flag",
                        true));
    }

    @Test
    void nullsStayNull() {
        assertThat(WholeNumbers.of(null)).isNull();
        assertThat(WholeNumbers.of(Arrays.asList(1.0, null))).isEqualTo(Arrays.asList(1L, null));
    }
}
