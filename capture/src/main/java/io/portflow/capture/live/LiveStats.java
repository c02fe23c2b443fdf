package io.portflow.capture.live;

/**
 * Counters of a live capture so far.
 *
 * @param frames frames handed to the frame handler
 * @param bytes sum of their wire lengths
 * @param received libpcap's {@code ps_recv}: packets that passed the filter in the kernel,
 *     including those dropped afterwards (on Linux's {@code lo} each packet counts twice, once
 *     leaving and once arriving, though only one copy is captured)
 * @param droppedByKernel libpcap's {@code ps_drop}: packets lost because the ring was full
 * @param droppedByInterface libpcap's {@code ps_ifdrop}: packets the interface or its driver
 *     dropped since the capture started (on Linux from the interface's rx_missed and rx_fifo errors)
 */
public record LiveStats(long frames, long bytes, long received, long droppedByKernel, long droppedByInterface) {}
