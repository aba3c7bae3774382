// The original Port 8000 chat UI's behaviour (reference.ui=original), for the suite's tests.
// Same ids and classes as the reference UI. What differs, on purpose, as in the original:
// - with the WebSocket open, Send puts {"type":"command","bot_id":…,"command":…} on the socket,
//   which the server ignores, so a typed message never gets an answer; POST
//   /api/bot/{id}/task is used only while the socket is closed;
// - only "response" frames are rendered (not "stream", not "error");
// - no /ui-config.js, no lazy rendering: history messages are rendered at once.
(function () {
  'use strict';

  var messages = document.getElementById('chatMessages');
  var input = document.getElementById('chatInput');
  var sendButton = document.getElementById('sendButton');
  var botList = document.getElementById('botList');
  var chatTitle = document.getElementById('chatTitle');
  var statusLine = document.getElementById('connectionStatus');

  var currentBot = null;
  var ws = null;
  var reconnects = 0;
  var MAX_RECONNECTS = 5;

  function addMessage(role, text, timestamp) {
    var el = document.createElement('div');
    el.className = 'message ' + (role === 'user' || role === 'system' ? role : 'assistant');
    var meta = document.createElement('div');
    meta.className = 'message-meta';
    var d = timestamp ? new Date(timestamp) : new Date();
    meta.textContent = (role === 'user' ? 'You' : role === 'system' ? 'System' : (currentBot || 'Bot'))
      + ' · ' + (isNaN(d.getTime()) ? String(timestamp) : d.toLocaleTimeString());
    var content = document.createElement('div');
    content.className = 'message-content';
    content.textContent = text;
    el.appendChild(meta);
    el.appendChild(content);
    messages.appendChild(el);
    messages.scrollTop = messages.scrollHeight;
    return el;
  }

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
        select.className = 'select' + (id === currentBot ? ' active' : '');
        select.dataset.action = 'select';
        select.dataset.botId = id;
        select.textContent = id;
        var status = document.createElement('span');
        status.className = 'bot-status';
        status.textContent = bots[id].status || '';
        li.appendChild(select);
        li.appendChild(status);
        botList.appendChild(li);
      });
    }).catch(function (e) { statusLine.textContent = 'cannot load bots: ' + e; });
  }

  function selectBot(id) {
    currentBot = id;
    chatTitle.textContent = 'Chat with ' + id;
    Array.prototype.forEach.call(botList.querySelectorAll('[data-action="select"]'), function (b) {
      b.classList.toggle('active', b.dataset.botId === id);
    });
    return api('GET', '/api/chat/history?limit=100&bot_id=' + encodeURIComponent(id))
      .then(function (data) {
        messages.textContent = '';
        var list = (data && data.messages) || [];
        if (list.length > 1 && String(list[0].timestamp) > String(list[list.length - 1].timestamp)) {
          list = list.slice().reverse();
        }
        list.forEach(function (m) { addMessage(m.role, m.content, m.timestamp); });
      })
      .catch(function (e) { addMessage('system', 'Failed to load history: ' + e); });
  }

  botList.addEventListener('click', function (e) {
    var target = e.target.closest('[data-action="select"][data-bot-id]');
    if (target) { selectBot(target.dataset.botId); }
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
      return loadBots();
    });
  });

  function connect() {
    ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = function () { reconnects = 0; statusLine.textContent = 'connected'; };
    ws.onmessage = function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      if (data.type === 'response') {
        addMessage('assistant', data.content);
      }
    };
    ws.onclose = function () {
      statusLine.textContent = 'disconnected';
      if (reconnects < MAX_RECONNECTS) {
        reconnects++;
        setTimeout(connect, 3000);
      }
    };
  }

  function sendMessage() {
    var text = input.value.trim();
    if (!text) { return; }
    if (!currentBot) {
      addMessage('system', 'Please select a bot first');
      return;
    }
    addMessage('user', text);
    input.value = '';
    if (ws && ws.readyState === WebSocket.OPEN) {
      // The defect: the server ignores "command" frames, so no answer ever comes.
      ws.send(JSON.stringify({ type: 'command', bot_id: currentBot, command: text }));
    } else {
      api('POST', '/api/bot/' + encodeURIComponent(currentBot) + '/task', { command: text })
        .then(function (r) {
          if (r && r.success) {
            addMessage('assistant', r.response);
          } else {
            addMessage('system', 'Error: ' + ((r && r.error) || 'task failed'));
          }
        })
        .catch(function (e) { addMessage('system', 'Error: ' + e); });
    }
  }

  sendButton.addEventListener('click', sendMessage);
  input.addEventListener('keypress', function (e) {
    if (e.key === 'Enter') { sendMessage(); }
  });

  connect();
  loadBots();
})();
