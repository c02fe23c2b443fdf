/**
 * Live capture: a libpcap handle (through pcap4j) read on one thread with a periodic tick, a clean
 * stop that cannot hang on an idle interface, kernel drop counts, and the list of capture devices.
 */
package io.portflow.capture.live;
