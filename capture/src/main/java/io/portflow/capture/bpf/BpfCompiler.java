package io.portflow.capture.bpf;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureException.Kind;
import io.portflow.capture.format.LinkTypeRules;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.Pcaps;

/**
 * Compiles a BPF expression the way {@code tcpdump -r} does. libpcap generates different code for
 * a savefile than for a dead or live handle: for BSD loopback (DLT_NULL) and DLT_ENC it matches
 * the address family in the byte order of the file's writer, and for "ip6" it accepts all three
 * BSD AF_INET6 values instead of this host's. So the expression is compiled on a header-only
 * savefile of the link type and byte order the frames come from.
 */
final class BpfCompiler {
  /** PCAP_NETMASK_UNKNOWN: only "ip broadcast" needs a netmask, and then fails to compile. */
  private static final Inet4Address NETMASK_UNKNOWN = netmaskUnknown();
  private static final int PCAP_MAGIC = 0xa1b2c3d4;

  private BpfCompiler() {}

  /**
   * @param bigEndian byte order of the writer's host (matters for link types with host-order headers)
   * @throws CaptureException BAD_FILTER with libpcap's text
   */
  static BpfProgram compile(String expression, int linkType, boolean bigEndian, String problemPrefix)
      throws CaptureException {
    Path savefile = null;
    try {
      savefile = headerOnlySavefile(linkType, bigEndian);
      PcapHandle handle = Pcaps.openOffline(savefile.toString());
      try {
        return handle.compileFilter(expression, BpfCompileMode.OPTIMIZE, NETMASK_UNKNOWN);
      } finally {
        handle.close();
      }
    } catch (PcapNativeException e) {
      throw new CaptureException(Kind.BAD_FILTER, problemPrefix + e.getMessage(), e);
    } catch (NotOpenException e) {
      throw new IllegalStateException("a handle just opened is closed", e);
    } catch (IOException e) {
      throw new CaptureException(Kind.BAD_FILTER, problemPrefix + "cannot write a temporary file ("
          + e.getMessage() + ")", e);
    } finally {
      deleteQuietly(savefile);
    }
  }

  private static Path headerOnlySavefile(int linkType, boolean bigEndian) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(24).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    header.putInt(PCAP_MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
        .putInt(LinkTypeRules.maxSnaplen(linkType)).putInt(linkType);
    Path file = Files.createTempFile("portflow-bpf-", ".pcap");
    return Files.write(file, header.array());
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a 24-byte file in the temp directory is not worth failing the run for
      }
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
