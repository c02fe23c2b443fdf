/**
 * Rules shared by the pcap, pcapng and libpcap readers: link-type limits and numbering (as
 * libpcap applies them), and the one-line error messages that name file, record and offset.
 */
package io.portflow.capture.format;
