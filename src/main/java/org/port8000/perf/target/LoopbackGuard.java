package org.port8000.perf.target;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load goes only to this machine unless the user opted in with -Dtarget.allowRemote=true. */
public final class LoopbackGuard {
  private LoopbackGuard() {}

  public static void check(URI url, boolean allowRemote) {
    check("target.url", url.toString(), url, allowRemote);
  }

  /**
   * The same for a URL inside a setting's value, e.g. one of {@code target.instances}: the message
   * names the setting and its whole value.
   */
  public static void check(String setting, String value, URI url, boolean allowRemote) {
    if (allowRemote) {
      return;
    }
    String host = url.getHost();
    if (host == null) {
      throw new TargetException("Setting '" + setting + "' is '" + value + "': it has no host.");
    }
    try {
      for (InetAddress a : InetAddress.getAllByName(stripBrackets(host))) {
        if (!a.isLoopbackAddress()) {
          throw refuse(setting, value, url, "resolves to " + a.getHostAddress());
        }
      }
    } catch (UnknownHostException e) {
      throw refuse(setting, value, url, "cannot be resolved");
    }
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static TargetException refuse(String setting, String value, URI url, String why) {
    return new TargetException(
        "Setting '"
            + setting
            + "' is '"
            + value
            + "': "
            + (value.equals(url.toString()) ? "its" : url + "'s")
            + " host "
            + why
            + ", which is not a loopback address (127.0.0.0/8, ::1). This suite sends load only to this"
            + " machine. Fix: point it at 127.0.0.1, or add -Dtarget.allowRemote=true if you own that"
            + " server and mean to load it.");
  }
}
