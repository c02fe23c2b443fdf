package io.portflow.capture.bpf;

import io.portflow.capture.CaptureException;
import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import java.io.IOException;
import java.util.List;

/** Hands out only the frames a {@link BpfFilter} accepts. */
public final class FilteredSource implements FrameSource {
  private final FrameSource source;
  private final BpfFilter filter;
  private final FrameHandler gate = this::onFrame;

  private FrameHandler downstream;
  private boolean passed;
  private CaptureException filterFailure;

  /** Takes ownership of both. */
  public FilteredSource(FrameSource source, BpfFilter filter) {
    this.source = source;
    this.filter = filter;
  }

  @Override
  public boolean next(FrameHandler handler) throws IOException {
    downstream = handler;
    while (source.next(gate)) {
      if (filterFailure != null) {
        CaptureException e = filterFailure;
        filterFailure = null;
        throw e;
      }
      if (passed) {
        return true;
      }
    }
    return false;
  }

  private void onFrame(long timestampNanos, int linkType, byte[] data, int offset, int captured, int wire) {
    passed = false;
    try {
      passed = filter.accepts(linkType, data, offset, captured, wire);
    } catch (CaptureException e) {
      filterFailure = e;
      return;
    }
    if (passed) {
      downstream.onFrame(timestampNanos, linkType, data, offset, captured, wire);
    }
  }

  @Override
  public List<CaptureInfo> inputs() {
    return source.inputs();
  }

  @Override
  public List<String> warnings() {
    return source.warnings();
  }

  @Override
  public void close() throws IOException {
    try {
      source.close();
    } finally {
      filter.close();
    }
  }
}
