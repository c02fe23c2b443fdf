package io.portflow.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysfsNetTest {
  @TempDir Path root;

  @Test
  void operStateAndWireless() throws Exception {
    Files.createDirectories(root.resolve("eth0"));
    Files.writeString(root.resolve("eth0/operstate"), "up\n");
    Files.createDirectories(root.resolve("wlan0/wireless"));
    Files.writeString(root.resolve("wlan0/operstate"), "dormant\n");
    SysfsNet sysfs = new SysfsNet(root);

    assertEquals("up", sysfs.operState("eth0"));
    assertFalse(sysfs.wireless("eth0"));
    assertEquals("dormant", sysfs.operState("wlan0"));
    assertTrue(sysfs.wireless("wlan0"));
  }

  @Test
  void pseudoDevicesAndOddNamesHaveNothing() throws Exception {
    Files.writeString(root.resolve("operstate"), "up\n");
    SysfsNet sysfs = new SysfsNet(root);
    assertNull(sysfs.operState("any"));
    assertNull(sysfs.operState(".."));
    assertNull(sysfs.operState("."));
    assertNull(sysfs.operState("a/b"));
    assertFalse(sysfs.wireless("nflog"));
  }
}
