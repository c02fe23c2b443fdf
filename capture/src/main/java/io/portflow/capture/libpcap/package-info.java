/**
 * libpcap through pcap4j: finding and loading the native library (shared with live capture) and
 * reading capture files with {@code pcap_next_ex}, the cross-check for our own reader.
 */
package io.portflow.capture.libpcap;
