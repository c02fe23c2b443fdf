/**
 * Where frames come from: saved captures (our streaming pcap/pcapng reader, or libpcap through
 * pcap4j) and, later, live interfaces. Only this module talks to libpcap.
 */
package io.portflow.capture;
