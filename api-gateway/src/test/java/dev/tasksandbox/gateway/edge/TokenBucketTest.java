package dev.tasksandbox.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void a_full_bucket_allows_a_burst_of_its_capacity_then_refuses_with_the_wait() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(60), 0);

        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();

        assertThat(bucket.tryTake(0)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void permits_come_back_evenly_over_the_period() {
        TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(60), 0);
        for (int i = 0; i < 3; i++) {
            bucket.tryTake(0);
        }

        assertThat(bucket.tryTake(15 * SECOND)).isEqualTo(Duration.ofSeconds(5));
        assertThat(bucket.tryTake(20 * SECOND)).isZero();
        assertThat(bucket.tryTake(20 * SECOND)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void an_idle_bucket_never_holds_more_than_its_capacity() {
        TokenBucket bucket = new TokenBucket(2, Duration.ofSeconds(10), 0);

        long muchLater = 3600 * SECOND;
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isZero();
        assertThat(bucket.tryTake(muchLater)).isPositive();
    }
}
