package io.portflow.analyze.flow;

/**
 * Flows that share one timeout, oldest first: an intrusive doubly-linked list through {@link
 * Flow#older} and {@link Flow#newer}. A flow goes to the tail when it is queued or touched, and
 * the capture clock never runs backwards, so the head always has the earliest deadline: finding
 * what expired costs one comparison per queue, not a scan of the table. The head's deadline is
 * kept in a field, so that the comparison every frame makes touches no flow (whose memory is
 * likely cold: the head is the flow least recently seen).
 */
final class ExpiryQueue {
  final long timeoutNanos;
  private Flow head;
  private Flow tail;
  private long headDeadline = Long.MAX_VALUE;

  ExpiryQueue(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /** The flow whose deadline comes first, or null when the queue is empty. */
  Flow head() {
    return head;
  }

  /** The head's deadline, or {@code Long.MAX_VALUE} when the queue is empty. */
  long headDeadline() {
    return headDeadline;
  }

  /** When {@code flow}, queued here, expires; saturates instead of overflowing. */
  long deadline(Flow flow) {
    long deadline = flow.queuedAtNanos + timeoutNanos;
    return deadline < flow.queuedAtNanos ? Long.MAX_VALUE : deadline;
  }

  /** Moves {@code flow} (from any queue or none) to the tail, with its timeout starting at {@code now}. */
  void touch(Flow flow, long now) {
    flow.queuedAtNanos = now;
    if (flow.queue == this && flow == tail) {
      if (flow == head) {
        headChanged();
      }
      return;
    }
    if (flow.queue != null) {
      flow.queue.remove(flow);
    }
    flow.queue = this;
    flow.older = tail;
    flow.newer = null;
    if (tail == null) {
      head = flow;
      headChanged();
    } else {
      tail.newer = flow;
    }
    tail = flow;
  }

  void remove(Flow flow) {
    if (flow.older == null) {
      head = flow.newer;
      headChanged();
    } else {
      flow.older.newer = flow.newer;
    }
    if (flow.newer == null) {
      tail = flow.older;
    } else {
      flow.newer.older = flow.older;
    }
    flow.older = flow.newer = null;
    flow.queue = null;
  }

  void clear() {
    for (Flow flow = head; flow != null; ) {
      Flow next = flow.newer;
      flow.older = flow.newer = null;
      flow.queue = null;
      flow = next;
    }
    head = tail = null;
    headChanged();
  }

  private void headChanged() {
    headDeadline = head == null ? Long.MAX_VALUE : deadline(head);
  }
}
