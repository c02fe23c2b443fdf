package io.portflow.capture.libpcap;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.TimestampResolution;
import io.portflow.capture.file.CaptureFileOpener;
import io.portflow.capture.file.CaptureProbe;
import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.pcap.PcapVariant;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * Reads a capture file with libpcap ({@code pcap_open_offline_with_tstamp_precision}, then
 * {@code pcap_next_ex} through pcap4j's {@code getNextRawPacketEx}, about 3 us per frame). It is the
 * cross-check for our reader and the fallback when a user wants libpcap's reading; errors come
 * with libpcap's own text. libpcap hands out one link type and snapshot length per file, so a
 * pcapng whose interfaces differ fails at the first interface of another kind (CANNOT_OPEN).
 */
public final class LibpcapReader implements FrameCursor {
  /** libpcap's complaint when a pcapng interface differs in link type or snapshot length from the first. */
  private static final String MIXED_INTERFACES = "of the first interface";
  /** Enough for a pcap header or the blocks before a pcapng file's first packet; it grows for bigger blocks. */
  private static final int HEADER_BUFFER = 64 * 1024;

  private final PcapHandle handle;
  private final String file;
  private final CaptureInfo info;
  private final int linkType;

  private long packets;
  private boolean failed;
  private byte[] data;
  private long timestampNanos;
  private int wireLength;

  private LibpcapReader(PcapHandle handle, String file, CaptureProbe probe, int linkType,
      TimestampResolution resolution) {
    this.handle = handle;
    this.file = file;
    this.linkType = linkType;
    this.info = new CaptureInfo(file, probe.format(), probe.compressed(), List.of(linkType), resolution);
  }

  /**
   * Opens {@code path} after the same checks our reader makes (missing, directory, empty, magic).
   *
   * @throws CaptureException LIBPCAP_MISSING without libpcap; CANNOT_OPEN for gzip files, which
   *     libpcap cannot read; NOT_A_CAPTURE when libpcap refuses the header
   */
  public static LibpcapReader open(Path path) throws CaptureException {
    String file = path.toString();
    CaptureProbe probe = CaptureFileOpener.probe(path);
    if (probe.compressed()) {
      throw new CaptureException(Kind.CANNOT_OPEN, file + ": libpcap cannot read gzip-compressed"
          + " captures; use the portflow reader or gunzip the file first");
    }
    Libpcap.require();
    PcapHandle handle;
    try {
      handle = Pcaps.openOffline(path.toString(), TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      if (e.getMessage() != null && e.getMessage().contains("not supported by the pcap library")) {
        throw new CaptureException(Kind.LIBPCAP_MISSING, file + ": the installed libpcap is too old"
            + " (1.5 or newer reads nanosecond timestamps)", e);
      }
      throw new CaptureException(Kind.NOT_A_CAPTURE, file + ": libpcap cannot read it: " + e.getMessage(), e);
    }
    int linkType = LinkTypeRules.fromDlt(handle.getDlt().value());
    return new LibpcapReader(handle, file, probe, linkType, resolution(path, probe));
  }

  /**
   * libpcap scales every interface's timestamps to the nanoseconds asked for, but does not say how
   * fine they were: our reader's open tells, from the pcap header or the pcapng interfaces declared
   * before the first packet.
   */
  private static TimestampResolution resolution(Path path, CaptureProbe probe) {
    try (FrameCursor ours = CaptureFileOpener.open(path, HEADER_BUFFER)) {
      return ours.info().timestampResolution();
    } catch (IOException e) {
      // A header libpcap takes and ours refuses: the magic number still tells pcap-nsec apart.
      return PcapVariant.NANOSECOND.format().equals(probe.format())
          ? TimestampResolution.NANOSECONDS : TimestampResolution.MICROSECONDS;
    }
  }

  @Override
  public boolean advance() throws IOException {
    if (failed) {
      return false;
    }
    try {
      byte[] next = handle.getNextRawPacketEx();
      Timestamp ts = handle.getTimestamp();
      timestampNanos = Math.floorDiv(ts.getTime(), 1000L) * 1_000_000_000L + ts.getNanos();
      int original = handle.getOriginalLength();
      wireLength = original < 0 ? Integer.MAX_VALUE : original;
      data = next;
      packets++;
      return true;
    } catch (EOFException e) {
      return false;
    } catch (PcapNativeException e) {
      failed = true;
      throw failure(libpcapError(e));
    } catch (IllegalArgumentException e) {
      failed = true;
      throw damage("pcap4j cannot represent its timestamp (fraction of a second of 10^9 ns or more)");
    } catch (TimeoutException e) {
      failed = true;
      throw damage("libpcap timed out reading a file");
    } catch (NotOpenException e) {
      failed = true;
      throw new IOException(file + ": reader already closed", e);
    }
  }

  private String libpcapError(PcapNativeException e) {
    try {
      String text = handle.getError();
      if (text != null && !text.isEmpty()) {
        return text;
      }
    } catch (NotOpenException ignored) {
      // fall back to pcap4j's text
    }
    return e.getMessage();
  }

  private CaptureException failure(String libpcapText) {
    if (libpcapText.contains(MIXED_INTERFACES)) {
      return new CaptureException(Kind.CANNOT_OPEN, file + ": packet " + (packets + 1)
          + ": libpcap cannot read pcapng files whose interfaces differ in link type or snapshot"
          + " length (" + libpcapText + "); read it with the portflow reader");
    }
    return damage("libpcap: " + libpcapText);
  }

  private CaptureException damage(String problem) {
    return new CaptureException(Kind.DAMAGED, file + ": packet " + (packets + 1) + ": " + problem);
  }

  @Override
  public long timestampNanos() {
    return timestampNanos;
  }

  @Override
  public int linkType() {
    return linkType;
  }

  @Override
  public byte[] data() {
    return data;
  }

  @Override
  public int offset() {
    return 0;
  }

  @Override
  public int capturedLength() {
    return data.length;
  }

  @Override
  public int wireLength() {
    return wireLength;
  }

  @Override
  public CaptureInfo info() {
    return info;
  }

  @Override
  public void close() {
    handle.close();
  }
}
