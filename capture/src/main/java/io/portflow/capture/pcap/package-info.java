/**
 * Classic libpcap savefiles (usec, nsec and Kuznetsov's modified format, either byte order), read
 * record by record from a {@link io.portflow.capture.io.ReadBuffer} without copying the frames.
 */
package io.portflow.capture.pcap;
