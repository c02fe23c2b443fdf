package io.portflow.capture.live;

import io.portflow.capture.CaptureException;
import io.portflow.capture.libpcap.Libpcap;
import java.net.Inet4Address;
import java.util.List;
import org.pcap4j.core.BpfProgram.BpfCompileMode;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapHandle.TimestampPrecision;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface.PromiscuousMode;
import org.pcap4j.core.Pcaps;

/** Creates, configures and activates the pcap handle, and installs the filter. */
final class HandleOpener {
  private static final int PCAP_ERROR_TSTAMP_PRECISION_NOTSUP = -12;

  private HandleOpener() {}

  /** An active handle with the filter set; nanosecond timestamps when the platform has them. */
  static PcapHandle open(LiveOptions options) throws CaptureException {
    PcapHandle handle = activate(options);
    if (options.filter() != null) {
      try {
        handle.setFilter(options.filter(), BpfCompileMode.OPTIMIZE, netmask(options.interfaceName()));
      } catch (PcapNativeException e) {
        handle.close();
        throw LiveErrors.badFilter(options.filter(), e.getMessage(), e);
      } catch (NotOpenException e) {
        throw new IllegalStateException("handle closed while being set up", e);
      }
    }
    return handle;
  }

  private static PcapHandle activate(LiveOptions options) throws CaptureException {
    try {
      return build(options, TimestampPrecision.NANO);
    } catch (PcapNativeException e) {
      Integer rc = e.getReturnCode();
      if (rc != null && rc == PCAP_ERROR_TSTAMP_PRECISION_NOTSUP) {
        try {
          return build(options, TimestampPrecision.MICRO);
        } catch (PcapNativeException again) {
          throw openFailed(options.interfaceName(), again);
        }
      }
      throw openFailed(options.interfaceName(), e);
    } catch (LinkageError e) {
      throw new CaptureException(CaptureException.Kind.LIBPCAP_MISSING, Libpcap.INSTALL_HINT, e);
    }
  }

  private static PcapHandle build(LiveOptions o, TimestampPrecision precision) throws PcapNativeException {
    PcapHandle.Builder builder = new PcapHandle.Builder(o.interfaceName())
        .snaplen(o.snaplen())
        .promiscuousMode(o.promiscuous() ? PromiscuousMode.PROMISCUOUS : PromiscuousMode.NONPROMISCUOUS)
        .timeoutMillis(o.readTimeoutMillis())
        .immediateMode(o.immediate())
        .timestampPrecision(precision);
    if (o.bufferBytes() > 0) builder.bufferSize(o.bufferBytes());
    return builder.build();
  }

  private static CaptureException openFailed(String iface, PcapNativeException e) {
    return LiveErrors.openFailed(iface, e.getReturnCode(), e.getMessage(), knownNames(), e);
  }

  private static List<String> knownNames() {
    try {
      return CaptureDevices.interfaceNames();
    } catch (CaptureException e) {
      return List.of();
    }
  }

  /**
   * The interface's IPv4 netmask, which libpcap needs for "ip broadcast"; unknown when the
   * interface has no IPv4 address (libpcap then rejects only that primitive).
   */
  private static Inet4Address netmask(String iface) {
    try {
      Inet4Address mask = Pcaps.lookupNet(iface).getMask();
      return mask != null ? mask : PcapHandle.PCAP_NETMASK_UNKNOWN;
    } catch (PcapNativeException e) {
      return PcapHandle.PCAP_NETMASK_UNKNOWN;
    }
  }
}
