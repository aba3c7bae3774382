// The reference Port 8000 chat UI: plain JS, no build step. It keeps the original UI's ids and
// classes (#chatMessages > .message.{user|assistant|system} > .message-content, #chatInput,
// #sendButton, #botList [data-action="select"][data-bot-id]) so one probe configuration
// measures both.
(function () {
  'use strict';

  var config = window.PORT8000_UI || {};
  // Fault switch (off by default): a slow renderer that busy-waits this long per rendered
  // message, so the suite can prove its UI verdicts flag a slow page.
  var renderDelayMs = Math.max(0, Number(config.renderDelayMs) || 0);
  var HISTORY_LIMIT = 100;
  var MAX_RECONNECTS = 5;

  var messages = document.getElementById('chatMessages');
  var input = document.getElementById('chatInput');
  var sendButton = document.getElementById('sendButton');
  var botList = document.getElementById('botList');
  var chatTitle = document.getElementById('chatTitle');
  var statusLine = document.getElementById('connectionStatus');

  var state = { botId: null, ws: null, streaming: null, reconnects: 0, historyRequest: 0 };

  function renderCost() {
    if (renderDelayMs <= 0) { return; }
    var end = performance.now() + renderDelayMs;
    while (performance.now() < end) { /* the fault: a deliberately slow renderer */ }
  }

  function formatTime(timestamp) {
    var d = timestamp ? new Date(timestamp) : new Date();
    return isNaN(d.getTime()) ? String(timestamp) : d.toLocaleTimeString();
  }

  // A message element; its header (role, time) is filled in by render().
  function createMessage(role, text, timestamp) {
    var el = document.createElement('div');
    el.className = 'message ' + (role === 'user' || role === 'system' ? role : 'assistant');
    el.dataset.timestamp = timestamp || new Date().toISOString();
    var content = document.createElement('div');
    content.className = 'message-content';
    content.textContent = text;
    el.appendChild(content);
    return el;
  }

  function render(el) {
    if (el.dataset.rendered) { return; }
    renderCost();
    var meta = document.createElement('div');
    meta.className = 'message-meta';
    meta.textContent = (el.classList.contains('user') ? 'You' : el.classList.contains('system')
      ? 'System' : (state.botId || 'Assistant')) + ' · ' + formatTime(el.dataset.timestamp);
    el.insertBefore(meta, el.firstChild);
    el.dataset.rendered = '1';
  }

  // History messages are rendered when they first scroll into view, like the original's
  // formatting of long histories; live messages are rendered at once.
  var lazyRender = 'IntersectionObserver' in window
    ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          render(entry.target);
          lazyRender.unobserve(entry.target);
        }
      });
    }, { root: messages })
    : null;

  function nearBottom() {
    return messages.scrollHeight - messages.scrollTop - messages.clientHeight < 80;
  }

  function addMessage(role, text) {
    var stick = nearBottom();
    var el = createMessage(role, text);
    render(el);
    messages.appendChild(el);
    if (stick) { messages.scrollTop = messages.scrollHeight; }
    return el;
  }

  function setStatus(text) { statusLine.textContent = text; }

  // ---- bots ----

  function api(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(path, init).then(function (r) { return r.json(); });
  }

  function loadBots() {
    return api('GET', '/api/bots').then(function (data) {
      var bots = (data && data.bots) || {};
      botList.textContent = '';
      Object.keys(bots).sort().forEach(function (id) {
        var li = document.createElement('li');
        var select = document.createElement('button');
        select.type = 'button';
        select.className = 'select' + (id === state.botId ? ' active' : '');
        select.dataset.action = 'select';
        select.dataset.botId = id;
        select.textContent = id;
        var status = document.createElement('span');
        status.className = 'bot-status';
        status.textContent = bots[id].status || '';
        var stop = document.createElement('button');
        stop.type = 'button';
        stop.dataset.action = 'stop';
        stop.dataset.botId = id;
        stop.title = 'Stop ' + id;
        stop.textContent = '■';
        li.appendChild(select);
        li.appendChild(status);
        li.appendChild(stop);
        botList.appendChild(li);
      });
    }).catch(function (e) { setStatus('cannot load bots: ' + e); });
  }

  function selectBot(id) {
    state.botId = id;
    state.streaming = null;
    Array.prototype.forEach.call(botList.querySelectorAll('[data-action="select"]'), function (b) {
      b.classList.toggle('active', b.dataset.botId === id);
    });
    chatTitle.textContent = 'Chat with ' + id;
    var request = ++state.historyRequest;
    return api('GET', '/api/chat/history?limit=' + HISTORY_LIMIT + '&bot_id=' + encodeURIComponent(id))
      .then(function (data) {
        if (request !== state.historyRequest) { return; } // another bot was selected meanwhile
        var list = (data && data.messages) || [];
        // Oldest first on screen, whatever order the server lists them in.
        if (list.length > 1 && String(list[0].timestamp) > String(list[list.length - 1].timestamp)) {
          list = list.slice().reverse();
        }
        if (lazyRender) { lazyRender.disconnect(); }
        messages.textContent = '';
        var fragment = document.createDocumentFragment();
        var created = list.map(function (m) {
          var el = createMessage(m.role, m.content, m.timestamp);
          fragment.appendChild(el);
          return el;
        });
        messages.appendChild(fragment);
        messages.scrollTop = messages.scrollHeight;
        created.forEach(function (el) { if (lazyRender) { lazyRender.observe(el); } else { render(el); } });
      })
      .catch(function (e) { addMessage('system', 'cannot load history: ' + e); });
  }

  botList.addEventListener('click', function (e) {
    var target = e.target.closest('[data-action][data-bot-id]');
    if (!target) { return; }
    var id = target.dataset.botId;
    if (target.dataset.action === 'select') {
      selectBot(id);
    } else if (target.dataset.action === 'stop') {
      api('POST', '/api/bot/stop/' + encodeURIComponent(id)).then(loadBots);
    }
  });

  document.getElementById('refreshBots').addEventListener('click', loadBots);

  document.getElementById('launchForm').addEventListener('submit', function (e) {
    e.preventDefault();
    var field = document.getElementById('launchBotId');
    var id = field.value.trim();
    if (!id) { return; }
    api('POST', '/api/bot/launch', { bot_id: id, adapter: 'mock' }).then(function (r) {
      if (r && r.success === false) { addMessage('system', r.error || 'launch failed'); }
      field.value = '';
      return loadBots().then(function () { return selectBot(id); });
    }).catch(function (err) { addMessage('system', 'launch failed: ' + err); });
  });

  // ---- chat over /ws ----

  function onFrame(event) {
    var frame;
    try { frame = JSON.parse(event.data); } catch (e) { return; }
    if (frame.type === 'stream') {
      if (!state.streaming) {
        state.streaming = addMessage('assistant', '');
        state.streaming.classList.add('streaming');
      }
      var stick = nearBottom();
      state.streaming.querySelector('.message-content').appendChild(
        document.createTextNode(frame.content || ''));
      if (stick) { messages.scrollTop = messages.scrollHeight; }
    } else if (frame.type === 'response') {
      var el = state.streaming || addMessage('assistant', '');
      el.querySelector('.message-content').textContent = frame.content || '';
      el.classList.remove('streaming');
      state.streaming = null;
    } else if (frame.type === 'error') {
      addMessage('system', frame.message || 'error');
    }
  }

  function connect() {
    var ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    state.ws = ws;
    ws.addEventListener('open', function () { state.reconnects = 0; setStatus('connected'); });
    ws.addEventListener('message', onFrame);
    ws.addEventListener('close', function () {
      state.streaming = null;
      if (state.reconnects >= MAX_RECONNECTS) {
        setStatus('disconnected (reload the page to retry)');
        return;
      }
      state.reconnects++;
      setStatus('disconnected, retrying…');
      setTimeout(connect, 1000 * state.reconnects);
    });
  }

  function send() {
    var text = input.value.trim();
    if (!text) { return; }
    if (!state.ws || state.ws.readyState !== WebSocket.OPEN) {
      addMessage('system', 'not connected');
      return;
    }
    addMessage('user', text);
    var frame = { type: 'message', content: text };
    if (state.botId) { frame.bot_id = state.botId; }
    state.ws.send(JSON.stringify(frame));
    input.value = '';
  }

  sendButton.addEventListener('click', send);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') {
      e.preventDefault();
      send();
    }
  });
  document.getElementById('chatForm').addEventListener('submit', function (e) {
    e.preventDefault();
    send();
  });

  connect();
  loadBots();
})();
