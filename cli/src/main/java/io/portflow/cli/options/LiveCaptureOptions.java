package io.portflow.cli.options;

import io.portflow.capture.live.LiveOptions;
import io.portflow.capture.live.StopCondition;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * Where and how {@code portflow watch} captures, and when it stops by itself: the interface, the
 * BPF filter, libpcap's handle settings, the pcap copy, {@code --duration} and {@code --count}.
 */
public final class LiveCaptureOptions {
  @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", required = true,
      description = "The interface to watch, as 'portflow interfaces' lists it (eth0, lo, any).")
  private String interfaceName;

  @Option(names = "--filter", paramLabel = "EXPR",
      description = "Only packets matching this BPF filter, e.g. 'tcp port 443' (compiled by "
          + "libpcap and run in the kernel, as tcpdump does).")
  private String filter;

  @Option(names = "--snaplen", paramLabel = "BYTES", defaultValue = "" + LiveOptions.DEFAULT_SNAPLEN,
      converter = PositiveIntConverter.class,
      description = "Bytes kept of each packet (default: ${DEFAULT-VALUE}, as tcpdump). Flows "
          + "count each packet's full length whatever the snaplen.")
  private int snaplen;

  @Option(names = "--promisc", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Promiscuous mode: see traffic not addressed to this host too (the "
          + "default). --no-promisc sees only this host's.")
  private boolean promiscuous;

  @Option(names = "--immediate", negatable = true, defaultValue = "false", fallbackValue = "true",
      description = "Hand each packet over as it arrives instead of in kernel batches of up to "
          + "100 ms: less latency, more CPU (default: off).")
  private boolean immediate;

  @Option(names = "--buffer-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
      description = "Kernel capture buffer, e.g. 64M or 512K (default: libpcap's, 2M). A larger "
          + "one rides out bursts without drops.")
  private Integer bufferBytes;

  @Option(names = "--write", paramLabel = "FILE",
      description = "Also save every packet to FILE (pcap; nanosecond timestamps where the "
          + "kernel gives them), to analyze again later with 'portflow analyze FILE'. Each "
          + "record keeps its packet's original length even when --snaplen cut it, so the "
          + "file counts the same bytes as the live flows.")
  private Path writeFile;

  @Option(names = "--duration", paramLabel = "SECONDS", converter = SecondsConverter.class,
      description = "Stop after this many seconds (fractions allowed: 0.5).")
  private Duration duration;

  @Option(names = "--count", paramLabel = "PACKETS", converter = PositiveLongConverter.class,
      description = "Stop after this many packets (as tcpdump -c).")
  private Long count;

  public String interfaceName() {
    return interfaceName;
  }

  /** The BPF expression, or null when none was given. */
  public String filter() {
    return filter;
  }

  /** What to open, as the options say; everything else at {@link LiveOptions#of}'s defaults. */
  public LiveOptions liveOptions() {
    return LiveOptions.of(interfaceName)
        .withFilter(filter)
        .withSnaplen(snaplen)
        .withPromiscuous(promiscuous)
        .withImmediate(immediate)
        .withBufferBytes(bufferBytes == null ? 0 : bufferBytes)
        .withWriteFile(writeFile);
  }

  /** {@code --count} and {@code --duration}; no limit when neither was given. */
  public StopCondition stopCondition() {
    return StopCondition.of(count, duration);
  }

  static final class PositiveIntConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      long n = PositiveLongConverter.parse(text);
      if (n > Integer.MAX_VALUE) {
        throw new TypeConversionException("'" + text + "' (expected: 1 ~ " + Integer.MAX_VALUE + ")");
      }
      return (int) n;
    }
  }

  static final class PositiveLongConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return parse(text);
    }

    static long parse(String text) {
      try {
        long n = Long.parseLong(text);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below, with what was expected
      }
      throw new TypeConversionException("'" + text + "' (expected: a whole number of 1 or more)");
    }
  }

  /** Seconds as a decimal number, more than 0, at most a year; kept to the nanosecond. */
  static final class SecondsConverter implements ITypeConverter<Duration> {
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(366L * 24 * 3600);

    @Override
    public Duration convert(String text) {
      try {
        BigDecimal seconds = new BigDecimal(text);
        if (seconds.signum() > 0 && seconds.compareTo(MAX_SECONDS) <= 0) {
          Duration d = Duration.ofNanos(seconds.movePointRight(9).longValue());
          if (!d.isZero()) {
            return d;
          }
        }
      } catch (NumberFormatException e) {
        // reported below, with what was expected
      }
      throw new TypeConversionException("'" + text + "' (expected: seconds, more than 0, e.g. 30 or 0.5)");
    }
  }

  /** Bytes, or a number with K, M or G (binary: 1K = 1024 bytes), up to 2G - 1. */
  static final class ByteSizeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      String digits = text;
      long unit = 1;
      char last = text.isEmpty() ? ' ' : Character.toUpperCase(text.charAt(text.length() - 1));
      if (last == 'K' || last == 'M' || last == 'G') {
        digits = text.substring(0, text.length() - 1);
        unit = last == 'K' ? 1L << 10 : last == 'M' ? 1L << 20 : 1L << 30;
      }
      try {
        long n = Long.parseLong(digits);
        if (n > 0 && n <= Integer.MAX_VALUE / unit) {
          return (int) (n * unit);
        }
      } catch (NumberFormatException e) {
        // reported below, with what was expected
      }
      throw new TypeConversionException("'" + text + "' (expected: a size such as 64M, 512K or "
          + "1048576 bytes, under 2G)");
    }
  }
}
