package dev.tasksandbox.web.edge;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import io.netty.util.internal.PlatformDependent;

/**
 * The direct memory Netty holds, which the JVM's own buffer-pool meters do not see: Netty allocates it outside
 * the JVM's accounting when it can. A buffer that is never released (a leak) shows here as memory that grows
 * under a steady load instead of levelling off.
 * <ul>
 *   <li>{@code netty.allocator.memory.used}: what the default allocator (HTTP server and client, R2DBC) has taken
 *       from the system, direct and heap;</li>
 *   <li>{@code netty.direct.memory.used}: all direct memory Netty counts, whoever allocated it (-1 when Netty
 *       does not count it).</li>
 * </ul>
 */
final class NettyMemory implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider allocator) {
            Gauge.builder(
                            "netty.allocator.memory.used",
                            allocator,
                            a -> a.metric().usedDirectMemory())
                    .tag("memory", "direct")
                    .baseUnit("bytes")
                    .description("Direct memory Netty's default allocator holds")
                    .register(registry);
            Gauge.builder(
                            "netty.allocator.memory.used",
                            allocator,
                            a -> a.metric().usedHeapMemory())
                    .tag("memory", "heap")
                    .baseUnit("bytes")
                    .description("Heap memory Netty's default allocator holds")
                    .register(registry);
        }
        Gauge.builder("netty.direct.memory.used", PlatformDependent::usedDirectMemory)
                .baseUnit("bytes")
                .description("Direct memory Netty counts, whoever allocated it")
                .register(registry);
    }
}
