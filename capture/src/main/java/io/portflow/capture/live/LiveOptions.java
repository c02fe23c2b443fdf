package io.portflow.capture.live;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to open and read a live interface. Start from {@link #of(String)} and change what differs.
 *
 * @param interfaceName the device as libpcap names it ({@code eth0}, {@code any}, {@code lo})
 * @param snaplen bytes kept of each frame; longer frames are truncated (their wire length stays)
 * @param promiscuous put the interface in promiscuous mode while capturing
 * @param immediate hand each packet over as soon as it arrives instead of in kernel batches; costs
 *     CPU per packet and uses the smaller TPACKET_V2 ring
 * @param bufferBytes size of the kernel ring in bytes, or 0 for libpcap's default (2 MiB)
 * @param filter BPF expression compiled by libpcap, or null for every packet
 * @param readTimeoutMillis longest time the kernel may hold a partly filled batch (not in immediate
 *     mode); also bounds how long a stop waits for the last batch
 * @param tickInterval time between two ticks on the capture thread, busy or idle
 * @param writeFile where to save every captured frame as a pcap file, or null
 * @param wakeMode how ticks and the stop reach a blocked capture thread
 */
public record LiveOptions(
    String interfaceName,
    int snaplen,
    boolean promiscuous,
    boolean immediate,
    int bufferBytes,
    String filter,
    int readTimeoutMillis,
    Duration tickInterval,
    Path writeFile,
    WakeMode wakeMode) {

  /** tcpdump's default: whole frames even with GRO/TSO super-frames on loopback. */
  public static final int DEFAULT_SNAPLEN = 262144;

  public static final int DEFAULT_READ_TIMEOUT_MILLIS = 100;

  public static final Duration DEFAULT_TICK = Duration.ofMillis(200);

  public LiveOptions {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(tickInterval, "tickInterval");
    Objects.requireNonNull(wakeMode, "wakeMode");
    if (interfaceName.isEmpty()) {
      throw new IllegalArgumentException("invalid interface name: \"\" (expected: a device name such as eth0)");
    }
    if (snaplen < 1) {
      throw new IllegalArgumentException("invalid snaplen: " + snaplen + " (expected: 1 or more bytes)");
    }
    if (bufferBytes < 0) {
      throw new IllegalArgumentException("invalid buffer size: " + bufferBytes + " (expected: 0 for the default, or bytes)");
    }
    if (readTimeoutMillis < 1 || readTimeoutMillis > 10_000) {
      throw new IllegalArgumentException("invalid read timeout: " + readTimeoutMillis + " ms (expected: 1 ~ 10000)");
    }
    if (tickInterval.toMillis() < 10 || tickInterval.toMillis() > 10_000) {
      throw new IllegalArgumentException("invalid tick interval: " + tickInterval.toMillis() + " ms (expected: 10 ~ 10000)");
    }
    if (filter != null && filter.isBlank()) {
      filter = null;
    }
  }

  /** Promiscuous, not immediate, whole frames, libpcap's ring size, no filter, no file. */
  public static LiveOptions of(String interfaceName) {
    return new LiveOptions(interfaceName, DEFAULT_SNAPLEN, true, false, 0, null,
        DEFAULT_READ_TIMEOUT_MILLIS, DEFAULT_TICK, null, WakeMode.AUTO);
  }

  public LiveOptions withSnaplen(int value) {
    return new LiveOptions(interfaceName, value, promiscuous, immediate, bufferBytes, filter,
        readTimeoutMillis, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withPromiscuous(boolean value) {
    return new LiveOptions(interfaceName, snaplen, value, immediate, bufferBytes, filter,
        readTimeoutMillis, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withImmediate(boolean value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, value, bufferBytes, filter,
        readTimeoutMillis, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withBufferBytes(int value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, value, filter,
        readTimeoutMillis, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withFilter(String value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, bufferBytes, value,
        readTimeoutMillis, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withReadTimeoutMillis(int value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, bufferBytes, filter,
        value, tickInterval, writeFile, wakeMode);
  }

  public LiveOptions withTickInterval(Duration value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, bufferBytes, filter,
        readTimeoutMillis, value, writeFile, wakeMode);
  }

  public LiveOptions withWriteFile(Path value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, bufferBytes, filter,
        readTimeoutMillis, tickInterval, value, wakeMode);
  }

  public LiveOptions withWakeMode(WakeMode value) {
    return new LiveOptions(interfaceName, snaplen, promiscuous, immediate, bufferBytes, filter,
        readTimeoutMillis, tickInterval, writeFile, value);
  }
}
