package io.portflow.cli.output;

/**
 * The local process at one end of a flow, as the record's {@code "process"} object shows it.
 *
 * @param pid process id (the thread group id)
 * @param command {@code /proc/PID/comm}: the executable's name, at most 15 characters
 * @param user name of the effective user from /etc/passwd, or the number when it has no name
 */
public record ProcessInfo(int pid, String command, String user) {

  /** "nginx/812 (www-data)". */
  @Override
  public String toString() {
    return command + "/" + pid + " (" + user + ")";
  }
}
