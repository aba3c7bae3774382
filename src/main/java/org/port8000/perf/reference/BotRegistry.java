package org.port8000.perf.reference;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The simulated bots: in-process workers, so "launch" and "stop" cost what the configured latencies
 * say and nothing else. Bounded in number so a load test cannot grow it without limit.
 */
final class BotRegistry {

  static final Pattern ID_PATTERN = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  /** One simulated bot. Status moves starting → running; stop removes it. */
  static final class Bot {
    final String id;
    final String adapter;
    final Instant launchedAt = Instant.now();
    volatile String status = "starting";
    volatile String currentTask;

    /** The bot's own process when bots run as child processes, else null. */
    volatile BotChildProcess child;

    Bot(String id, String adapter) {
      this.id = id;
      this.adapter = adapter;
    }

    boolean running() {
      return "running".equals(status);
    }

    String uptime() {
      return Duration.between(launchedAt, Instant.now()).toSeconds() + "s";
    }
  }

  /** A refused operation; the message goes to the client as {@code error}. */
  static final class BotException extends Exception {
    BotException(String message) {
      super(message, null, false, false);
    }
  }

  private final ConcurrentHashMap<String, Bot> bots = new ConcurrentHashMap<>();
  private final int maxBots;
  private final int childProcessMb;

  BotRegistry(int maxBots) {
    this(maxBots, 0);
  }

  /** {@code childProcessMb} > 0: each bot runs as a child process of that many MB. */
  BotRegistry(int maxBots, int childProcessMb) {
    this.maxBots = maxBots;
    this.childProcessMb = childProcessMb;
  }

  static boolean validId(String id) {
    return id != null && ID_PATTERN.matcher(id).matches();
  }

  /** Reserves the id at once so a concurrent second launch of the same bot is refused. */
  synchronized Bot reserve(String id, String adapter) throws BotException {
    if (!validId(id)) {
      throw new BotException("invalid bot_id: expected 1-64 of A-Z a-z 0-9 _ -");
    }
    if (bots.containsKey(id)) {
      throw new BotException("Bot " + id + " is already running");
    }
    if (bots.size() >= maxBots) {
      throw new BotException("bot limit reached: at most " + maxBots + " bots");
    }
    Bot bot = new Bot(id, adapter);
    if (childProcessMb > 0) {
      try {
        bot.child = BotChildProcess.start(childProcessMb);
      } catch (IllegalStateException e) {
        throw new BotException(e.getMessage());
      }
    }
    bots.put(id, bot);
    return bot;
  }

  /** Completes a launch unless the bot was stopped meanwhile. */
  boolean markRunning(Bot bot) {
    if (bots.get(bot.id) != bot) {
      return false;
    }
    bot.status = "running";
    return true;
  }

  Optional<Bot> get(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(bots.get(id));
  }

  boolean stop(String id) {
    Bot bot = id == null ? null : bots.remove(id);
    if (bot != null && bot.child != null) {
      bot.child.stop();
    }
    return bot != null;
  }

  /** Stops every bot's child process (the server is stopping). */
  void stopAll() {
    for (String id : List.copyOf(bots.keySet())) {
      stop(id);
    }
  }

  /** Bots in id order, so listings are stable. */
  List<Bot> all() {
    List<Bot> list = new ArrayList<>(bots.values());
    list.sort(Comparator.comparing(b -> b.id));
    return list;
  }

  long runningCount() {
    Collection<Bot> values = bots.values();
    return values.stream().filter(Bot::running).count();
  }

  int size() {
    return bots.size();
  }
}
