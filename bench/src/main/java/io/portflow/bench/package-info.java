/**
 * JMH micro-benchmarks of the hot path, stage by stage: reading a capture, decoding frames, the
 * flow table with TCP state, building flow records (and the Community ID alone), and writing JSON
 * Lines. Inputs are synthetic captures from the capture module's generator, cached under {@code
 * target/bench}.
 */
package io.portflow.bench;
