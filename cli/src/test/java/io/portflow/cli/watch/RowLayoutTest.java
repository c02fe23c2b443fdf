package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.portflow.cli.output.FlowProcesses;
import io.portflow.cli.output.ProcessInfo;
import org.junit.jupiter.api.Test;

class RowLayoutTest {
  @Test
  void elide_keepsStartAndEnd() {
    assertEquals("[2001:db8:1~678]:40000", RowLayout.elide("[2001:db8:1234:5678:9abc:def0:1234:5678]:40000", 22));
    assertEquals("short", RowLayout.elide("short", 10));
    assertEquals("abc", RowLayout.elide("abcdef", 3));
  }

  @Test
  void processText_whoIsAtEachEnd() {
    ProcessInfo curl = new ProcessInfo(4000, "curl", "root");
    ProcessInfo nginx = new ProcessInfo(812, "nginx", "www-data");
    assertEquals("curl/4000 -> nginx/812 (www-data)", RowLayout.processText(new FlowProcesses(curl, nginx)));
    assertEquals("nginx/812 (www-data)", RowLayout.processText(new FlowProcesses(null, nginx)));
    assertEquals("curl/4000 (root)", RowLayout.processText(new FlowProcesses(curl, null)));
    assertEquals("", RowLayout.processText(FlowProcesses.NONE));
  }
}
