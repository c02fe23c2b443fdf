package io.portflow.cli.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcTextTest {
  @Test
  void socketInode_fromFdLink() {
    assertEquals(31337, ProcText.socketInode("socket:[31337]"));
    assertEquals(-1, ProcText.socketInode("pipe:[31337]"));
    assertEquals(-1, ProcText.socketInode("/var/log/nginx/access.log"));
    assertEquals(-1, ProcText.socketInode("socket:[x]"));
    assertEquals(-1, ProcText.socketInode("anon_inode:[eventpoll]"));
  }

  @Test
  void effectiveUid_isTheSecondUidField() {
    String status = "Name:\tnginx\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t812\nUid:\t0\t33\t33\t33\nGid:\t0\t33\t33\t33\n";
    assertEquals(33, ProcText.effectiveUid(status));
    assertEquals(-1, ProcText.effectiveUid("Name:\tx\n"));
  }

  @Test
  void passwd_uidToName() {
    Map<Integer, String> users = ProcText.passwd("""
        root:x:0:0:root:/root:/bin/bash
        # a comment
        www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
        toor:x:0:0::/root:/bin/sh
        broken line
        nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
        """);
    assertEquals("root", users.get(0));
    assertEquals("www-data", users.get(33));
    assertEquals("nobody", users.get(65534));
    assertEquals(3, users.size());
  }

  @Test
  void command_dropsTheNewline() {
    assertEquals("nginx", ProcText.command("nginx\n"));
  }
}
