// Injected by the browser probe before any page script runs (Playwright addInitScript).
// The probe prepends: const PORT8000_PROBE_SELECTORS = {messages, message, input, send};
// It timestamps, with performance.now():
//   send    the user's Enter in the input or click on the send button (capture phase, first);
//   frame   a chat reply frame arriving on the page's WebSocket (our listener is added in the
//           constructor, before the page's own, so it runs first);
//   dom     the next mutation inside the message list after that frame (MutationObserver);
//   painted the task after the next animation frame, i.e. after the frame with the change.
// Only the first frame of each reply ('first') and its final 'response' frame ('final') are
// tracked, so the page's handling of the pieces in between is not charged to the probe.
(function () {
  'use strict';
  if (window.__port8000Probe) { return; }
  var S = (typeof PORT8000_PROBE_SELECTORS !== 'undefined') ? PORT8000_PROBE_SELECTORS : {};
  var probe = window.__port8000Probe = {
    replies: [], lastSend: null, current: null, pending: [], unparsedFrames: 0, frames: 0
  };

  function now() { return performance.now(); }

  function painted(mark) {
    requestAnimationFrame(function () {
      setTimeout(function () { mark.paintedAt = now(); }, 0);
    });
  }

  function onFrame(event) {
    var t = now();
    var frame;
    try { frame = JSON.parse(event.data); } catch (e) { probe.unparsedFrames++; return; }
    if (!frame || (frame.type !== 'stream' && frame.type !== 'response')) { return; }
    probe.frames++;
    var reply = probe.current;
    if (!reply) {
      reply = probe.current = {
        sendAt: probe.lastSend, first: { at: t, domAt: null, paintedAt: null }, final: null
      };
      probe.lastSend = null;
      probe.replies.push(reply);
      probe.pending.push(reply.first);
    }
    if (frame.type === 'response') {
      reply.final = { at: t, domAt: null, paintedAt: null };
      probe.pending.push(reply.final);
      probe.current = null;
    }
  }

  var NativeWebSocket = window.WebSocket;
  function ProbedWebSocket(url, protocols) {
    var ws = protocols === undefined ? new NativeWebSocket(url) : new NativeWebSocket(url, protocols);
    ws.addEventListener('message', onFrame);
    return ws;
  }
  ProbedWebSocket.prototype = NativeWebSocket.prototype;
  ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED'].forEach(function (k) {
    Object.defineProperty(ProbedWebSocket, k, { value: NativeWebSocket[k] });
  });
  window.WebSocket = ProbedWebSocket;

  function inMessages(node) {
    var list = S.messages ? document.querySelector(S.messages) : null;
    return !!list && (node === list || list.contains(node));
  }

  new MutationObserver(function (records) {
    if (probe.pending.length === 0) { return; }
    var t = now();
    for (var i = 0; i < records.length; i++) {
      if (inMessages(records[i].target)) {
        probe.pending.forEach(function (mark) { mark.domAt = t; painted(mark); });
        probe.pending = [];
        return;
      }
    }
  }).observe(document, { childList: true, subtree: true, characterData: true });

  function matches(target, selector) {
    return !!selector && target instanceof Element && !!target.closest(selector);
  }
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && matches(e.target, S.input)) { probe.lastSend = now(); }
  }, true);
  document.addEventListener('click', function (e) {
    if (matches(e.target, S.send)) { probe.lastSend = now(); }
  }, true);

  // A timed smooth scroll of the message list: top to bottom over durationMs, scrollTop advanced
  // once per animation frame; returns the rAF timestamps (ms) of every frame.
  probe.scrollToBottom = function () {
    var list = document.querySelector(S.messages);
    if (list) { list.scrollTop = list.scrollHeight; }
    return !!list;
  };

  probe.smoothScroll = function (durationMs) {
    var list = document.querySelector(S.messages);
    return new Promise(function (resolve) {
      if (!list) { resolve({ error: 'no element matches ' + S.messages, frames: [] }); return; }
      var max = list.scrollHeight - list.clientHeight;
      var frames = [];
      var start = null;
      var done = false;
      function finish(timedOut) {
        if (done) { return; }
        done = true;
        resolve({ frames: frames, scrollRange: max, timedOut: timedOut,
          messages: list.querySelectorAll(S.message || '*').length });
      }
      // Bounded even if animation frames stop (e.g. a hidden page): resolve with what we have.
      setTimeout(function () { finish(true); }, durationMs + 10000);
      function step(ts) {
        if (done) { return; }
        if (start === null) { start = ts; }
        frames.push(ts);
        var progress = Math.min(1, (ts - start) / durationMs);
        // The range is re-read every frame: pages that render lazily grow while scrolled.
        max = Math.max(max, list.scrollHeight - list.clientHeight);
        list.scrollTop = max * progress;
        if (progress < 1 && frames.length < 100000) {
          requestAnimationFrame(step);
        } else {
          finish(false);
        }
      }
      list.scrollTop = 0;
      // Start after two frames, so the jump to the top is not part of the measurement.
      requestAnimationFrame(function () { requestAnimationFrame(step); });
    });
  };
})();
