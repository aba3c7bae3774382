package org.port8000.perf.target;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load goes only to this machine unless the user opted in with -Dtarget.allowRemote=true. */
public final class LoopbackGuard {
  private LoopbackGuard() {}

  public static void check(URI url, boolean allowRemote) {
    if (allowRemote) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new TargetException("Setting 'target.url' is '" + url + "': it has no host.");
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(stripBrackets(host))) {
        if (!a.isLoopbackAddress()) {
          throw refuse(url, "resolves to " + a.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      throw refuse(url, "cannot be resolved");
    }
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static TargetException refuse(URI url, String why) {
    return new TargetException(
        "Setting 'target.url' is '"
            + url
            + "': its host "
            + why
            + ", which is not a loopback address (127.0.0.0/8, ::1). This suite sends load only to this"
            + " machine. Fix: point it at 127.0.0.1, or add -Dtarget.allowRemote=true if you own that"
            + " server and mean to load it.");
  }
}
