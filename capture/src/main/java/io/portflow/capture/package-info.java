/**
 * Where frames come from: {@link io.portflow.capture.CaptureFiles} opens saved captures (our
 * streaming pcap/pcapng reader, or libpcap through pcap4j) as one {@link io.portflow.capture.FrameSource}.
 * Only this module talks to libpcap.
 */
package io.portflow.capture;
