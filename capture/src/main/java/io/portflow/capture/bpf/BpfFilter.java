package io.portflow.capture.bpf;

import io.portflow.capture.CaptureException;
import io.portflow.capture.libpcap.Libpcap;
import java.io.Closeable;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Collection;
import org.pcap4j.core.BpfProgram;

/**
 * A BPF expression, compiled by libpcap for every link type it meets (see {@link BpfCompiler})
 * and run with {@code bpf_filter}. pcap4j passes frames as whole Java arrays and JNA copies the
 * whole array, so frames are copied into scratch arrays sized to the next power of two: steady
 * state allocates nothing and copies at most twice the frame.
 */
public final class BpfFilter implements Closeable {
  private static final int LINKTYPE_NULL = 0;
  private static final int LINKTYPE_ENC = 109;
  private static final boolean HOST_BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

  private final String expression;
  /** linkType * 2, plus 1 for programs compiled for a big-endian writer. */
  private int[] keys = new int[0];
  private BpfProgram[] programs = new BpfProgram[0];
  private final byte[][] scratch = new byte[31][];

  private BpfFilter(String expression) {
    this.expression = expression;
  }

  /**
   * Compiles {@code expression} for each of {@code linkTypes} now, so a bad expression fails before
   * any frame is read; with no link type known yet, compiles for Ethernet to check the syntax.
   *
   * @throws CaptureException BAD_FILTER with libpcap's error text; LIBPCAP_MISSING without libpcap
   */
  public static BpfFilter compile(String expression, Collection<Integer> linkTypes) throws CaptureException {
    Libpcap.require();
    BpfFilter filter = new BpfFilter(expression);
    try {
      if (linkTypes.isEmpty()) {
        filter.programFor(1, HOST_BIG_ENDIAN);
      }
      for (int linkType : linkTypes) {
        filter.programFor(linkType, HOST_BIG_ENDIAN);
      }
    } catch (CaptureException e) {
      filter.close();
      throw e;
    }
    return filter;
  }

  public String expression() {
    return expression;
  }

  /**
   * @return true when the frame passes
   * @throws CaptureException BAD_FILTER when the expression cannot be compiled for a new link type
   */
  public boolean accepts(int linkType, byte[] data, int offset, int capturedLength, int wireLength)
      throws CaptureException {
    BpfProgram program = programFor(linkType, writerBigEndian(linkType, data, offset, capturedLength));
    byte[] packet = data;
    if (offset != 0 || data.length != capturedLength) {
      packet = scratchFor(capturedLength);
      System.arraycopy(data, offset, packet, 0, capturedLength);
    }
    return program.applyFilter(packet, wireLength, capturedLength);
  }

  /**
   * BSD loopback and DLT_ENC headers start with an address family in the writer's byte order;
   * families are below 256, so the zero bytes tell the order (as Wireshark guesses it).
   */
  private static boolean writerBigEndian(int linkType, byte[] data, int offset, int capturedLength) {
    if ((linkType != LINKTYPE_NULL && linkType != LINKTYPE_ENC) || capturedLength < 4) {
      return HOST_BIG_ENDIAN;
    }
    return data[offset] == 0 && data[offset + 3] != 0;
  }

  private byte[] scratchFor(int length) {
    int bucket = 32 - Integer.numberOfLeadingZeros(Math.max(length - 1, 0));
    byte[] array = scratch[bucket];
    if (array == null) {
      array = new byte[1 << bucket];
      scratch[bucket] = array;
    }
    return array;
  }

  private BpfProgram programFor(int linkType, boolean bigEndian) throws CaptureException {
    int key = linkType * 2 + (bigEndian ? 1 : 0);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] == key) {
        return programs[i];
      }
    }
    String problem = keys.length == 0
        ? "bad filter '" + expression + "': "
        : "filter '" + expression + "' cannot be applied to link type " + linkType + ": ";
    BpfProgram program = BpfCompiler.compile(expression, linkType, bigEndian, problem);
    keys = Arrays.copyOf(keys, keys.length + 1);
    programs = Arrays.copyOf(programs, programs.length + 1);
    keys[keys.length - 1] = key;
    programs[programs.length - 1] = program;
    return program;
  }

  @Override
  public void close() {
    for (BpfProgram program : programs) {
      program.free();
    }
  }
}
