package io.portflow.analyze.tcp;

/**
 * Zeek's {@code conn_state} for TCP: a pure function of the two endpoint states, their sizes and
 * the history, as {@code conn_state()} in {@code scripts/base/protocols/conn/main.zeek}.
 */
public final class ConnState {
  private ConnState() {}

  /**
   * @param orig originator's endpoint state
   * @param resp responder's endpoint state
   * @param origSize originator's payload size as Zeek computes it from sequence numbers
   * @param respSize responder's payload size
   * @param history the history string relative to that originator
   * @return S0, S1, SF, REJ, S2, S3, RSTO, RSTR, RSTOS0, RSTRH, SH, SHR or OTH
   */
  public static String of(
      EndpointState orig, EndpointState resp, long origSize, long respSize, CharSequence history) {
    boolean origInactive = orig.inactiveOrPartial();
    boolean respInactive = resp.inactiveOrPartial();
    if (resp == EndpointState.RESET) {
      if (orig == EndpointState.SYN_SENT
          || orig == EndpointState.SYN_ACK_SENT
          || (orig == EndpointState.RESET && origSize == 0 && respSize == 0)) {
        return "REJ";
      }
      return origInactive ? "RSTRH" : "RSTR";
    }
    if (orig == EndpointState.RESET) {
      if (respInactive) {
        return synThenReset(history) ? "RSTOS0" : "OTH";
      }
      return "RSTO";
    }
    if (resp == EndpointState.CLOSED && orig == EndpointState.CLOSED) {
      return "SF";
    }
    if (orig == EndpointState.CLOSED) {
      return respInactive ? "SH" : "S2";
    }
    if (resp == EndpointState.CLOSED) {
      return origInactive ? "SHR" : "S3";
    }
    if (orig == EndpointState.SYN_SENT && resp == EndpointState.INACTIVE) {
      return "S0";
    }
    if (orig == EndpointState.ESTABLISHED && resp == EndpointState.ESTABLISHED) {
      return "S1";
    }
    return "OTH";
  }

  /** Whether the whole history matches Zeek's pattern {@code /\^?S[^HAFGIQ]*R.*}/}. */
  static boolean synThenReset(CharSequence history) {
    int i = 0;
    if (i < history.length() && history.charAt(i) == '^') {
      i++;
    }
    if (i >= history.length() || history.charAt(i) != 'S') {
      return false;
    }
    for (i++; i < history.length(); i++) {
      char c = history.charAt(i);
      if (c == 'R') {
        return true;
      }
      if ("HAFGIQ".indexOf(c) >= 0) {
        return false;
      }
    }
    return false;
  }
}
