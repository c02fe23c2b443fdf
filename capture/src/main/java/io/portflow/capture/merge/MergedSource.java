package io.portflow.capture.merge;

import io.portflow.capture.CaptureInfo;
import io.portflow.capture.FrameCursor;
import io.portflow.capture.FrameHandler;
import io.portflow.capture.FrameSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Merges inputs by timestamp, frame by frame. Each input is read one frame ahead; a binary heap of
 * input indexes (ordered by that frame's timestamp, then by index) picks the next frame, so merging
 * hundreds of rotated files costs a few comparisons per frame and no allocation.
 *
 * <p>When an input fails (damaged, read error) it is dropped and the others go on: every good
 * frame of every input is handed out, then {@link #next} throws the first failure, with later ones
 * attached as suppressed exceptions.
 */
public final class MergedSource implements FrameSource {
  private final FrameCursor[] inputs;
  /** Indexes of inputs positioned on a frame, as a min-heap. */
  private final int[] heap;
  private int heapSize;
  private IOException failure;
  private boolean failureReported;

  /** Takes ownership of {@code inputs}, reads the first frame of each. */
  public MergedSource(List<FrameCursor> inputs) {
    this.inputs = inputs.toArray(new FrameCursor[0]);
    this.heap = new int[this.inputs.length];
    for (int i = 0; i < this.inputs.length; i++) {
      if (advance(i)) {
        heap[heapSize] = i;
        siftUp(heapSize++);
      }
    }
  }

  @Override
  public boolean next(FrameHandler handler) throws IOException {
    if (heapSize == 0) {
      if (failure != null && !failureReported) {
        failureReported = true;
        throw failure;
      }
      return false;
    }
    int top = heap[0];
    inputs[top].deliver(handler);
    if (advance(top)) {
      siftDown(0);
    } else {
      heap[0] = heap[--heapSize];
      siftDown(0);
    }
    return true;
  }

  private boolean advance(int input) {
    try {
      return inputs[input].advance();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
      return false;
    }
  }

  /** True when input {@code a}'s frame comes before input {@code b}'s. */
  private boolean before(int a, int b) {
    long ta = inputs[a].timestampNanos();
    long tb = inputs[b].timestampNanos();
    return ta < tb || (ta == tb && a < b);
  }

  private void siftUp(int slot) {
    int item = heap[slot];
    while (slot > 0) {
      int parent = (slot - 1) >>> 1;
      if (!before(item, heap[parent])) {
        break;
      }
      heap[slot] = heap[parent];
      slot = parent;
    }
    heap[slot] = item;
  }

  private void siftDown(int slot) {
    if (heapSize == 0) {
      return;
    }
    int item = heap[slot];
    int half = heapSize >>> 1;
    while (slot < half) {
      int child = 2 * slot + 1;
      int right = child + 1;
      if (right < heapSize && before(heap[right], heap[child])) {
        child = right;
      }
      if (!before(heap[child], item)) {
        break;
      }
      heap[slot] = heap[child];
      slot = child;
    }
    heap[slot] = item;
  }

  @Override
  public List<CaptureInfo> inputs() {
    List<CaptureInfo> infos = new ArrayList<>(inputs.length);
    for (FrameCursor input : inputs) {
      infos.add(input.info());
    }
    return infos;
  }

  @Override
  public List<String> warnings() {
    List<String> all = new ArrayList<>();
    for (FrameCursor input : inputs) {
      all.addAll(input.warnings());
    }
    return all;
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (FrameCursor input : inputs) {
      try {
        input.close();
      } catch (IOException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
