package dev.runtimeservice.agent.vfs.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runtimeservice.agent.vfs.error.RangeNotSatisfiableException;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void closedOpenAndSuffixRangesAreClippedToTheFile() {
        assertThat(ByteRange.parse("bytes=0-99", 1000)).contains(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=900-", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999));
        assertThat(ByteRange.parse("bytes=-5000", 1000)).contains(new ByteRange(0, 999));
        assertThat(new ByteRange(10, 19).contentRange(1000)).isEqualTo("bytes 10-19/1000");
        assertThat(new ByteRange(10, 19).length()).isEqualTo(10);
    }

    @Test
    void otherUnitsAndSeveralRangesAreIgnored() {
        assertThat(ByteRange.parse("items=0-1", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-9", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 1000)).isEmpty();
    }

    @Test
    void rangesPastTheEndAre416() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000))
                .isInstanceOf(RangeNotSatisfiableException.class)
                .hasMessageContaining("1000 bytes");
        assertThatThrownBy(() -> ByteRange.parse("bytes=5-2", 1000)).isInstanceOf(RangeNotSatisfiableException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(RangeNotSatisfiableException.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-", 0)).isInstanceOf(RangeNotSatisfiableException.class);
    }
}
