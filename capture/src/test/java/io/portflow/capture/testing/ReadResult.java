package io.portflow.capture.testing;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureInfo;
import java.util.List;

/**
 * Everything a source handed out, and the exception that ended it (null at a clean end).
 *
 * @param inputs {@link io.portflow.capture.FrameSource#inputs()} after the last frame
 * @param warnings {@link io.portflow.capture.FrameSource#warnings()} after the last frame
 */
public record ReadResult(
    List<Frame> frames, CaptureException error, List<CaptureInfo> inputs, List<String> warnings) {}
