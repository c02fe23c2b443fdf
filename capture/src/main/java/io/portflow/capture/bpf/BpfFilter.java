package io.portflow.capture.bpf;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.format.LinkTypeRules;
import io.portflow.capture.libpcap.Libpcap;
import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collection;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.namednumber.DataLinkType;

/**
 * A BPF expression, compiled by libpcap ({@code pcap_open_dead} + {@code pcap_compile}) for every
 * link type it meets and run with {@code bpf_filter}. pcap4j passes frames as whole Java arrays and
 * JNA copies the whole array, so frames are copied into scratch arrays sized to the next power of
 * two: steady state allocates nothing and copies at most twice the frame.
 */
public final class BpfFilter implements Closeable {
  /** PCAP_NETMASK_UNKNOWN: only matters for "ip broadcast", which then fails to compile. */
  private static final Inet4Address NETMASK_UNKNOWN = netmaskUnknown();

  private final String expression;
  private int[] linkTypes = new int[0];
  private BpfProgram[] programs = new BpfProgram[0];
  private final byte[][] scratch = new byte[32][];

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
        filter.programFor(1);
      }
      for (int linkType : linkTypes) {
        filter.programFor(linkType);
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
    BpfProgram program = programFor(linkType);
    byte[] packet = data;
    if (offset != 0 || data.length != capturedLength) {
      packet = scratchFor(capturedLength);
      System.arraycopy(data, offset, packet, 0, capturedLength);
    }
    return program.applyFilter(packet, wireLength, capturedLength);
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

  private BpfProgram programFor(int linkType) throws CaptureException {
    for (int i = 0; i < linkTypes.length; i++) {
      if (linkTypes[i] == linkType) {
        return programs[i];
      }
    }
    BpfProgram program = compileFor(linkType);
    linkTypes = Arrays.copyOf(linkTypes, linkTypes.length + 1);
    programs = Arrays.copyOf(programs, programs.length + 1);
    linkTypes[linkTypes.length - 1] = linkType;
    programs[programs.length - 1] = program;
    return program;
  }

  private BpfProgram compileFor(int linkType) throws CaptureException {
    int dlt = LinkTypeRules.toDlt(linkType);
    PcapHandle dead;
    try {
      dead = Pcaps.openDead(DataLinkType.getInstance(dlt), LinkTypeRules.maxSnaplen(linkType));
    } catch (PcapNativeException e) {
      throw new CaptureException(Kind.BAD_FILTER, "filter '" + expression + "': libpcap cannot"
          + " compile for link type " + linkType + " (" + e.getMessage() + ")", e);
    }
    try {
      return dead.compileFilter(expression, BpfCompileMode.OPTIMIZE, NETMASK_UNKNOWN);
    } catch (PcapNativeException e) {
      throw new CaptureException(Kind.BAD_FILTER, badFilterMessage(linkType, e.getMessage()), e);
    } catch (NotOpenException e) {
      throw new IllegalStateException("a handle just opened is closed", e);
    } finally {
      dead.close();
    }
  }

  private String badFilterMessage(int linkType, String libpcapText) {
    if (linkTypes.length == 0) {
      return "bad filter '" + expression + "': " + libpcapText;
    }
    return "filter '" + expression + "' cannot be applied to link type " + linkType + ": " + libpcapText;
  }

  @Override
  public void close() {
    for (BpfProgram program : programs) {
      program.free();
    }
  }

  private static Inet4Address netmaskUnknown() {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {-1, -1, -1, -1});
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }
}
