// The live stream page: one EventSource on the console's relay, newest first, at most MAX shown; paused, events are
// held (the latest MAX) and counted, and shown when resumed. No inline script: the CSP allows only 'self'.
(function () {
  'use strict';
  var MAX = 200;
  var form = document.getElementById('stream-filters');
  var list = document.getElementById('events');
  var empty = document.getElementById('stream-empty');
  var status = document.getElementById('stream-status');
  var pause = document.getElementById('pause');
  var source = null;
  var paused = false;
  var held = [];
  var heldCount = 0;

  function query() {
    var params = new URLSearchParams();
    var type = form.elements.type.value;
    if (type) { params.append('type', type); }
    form.elements.clientId.value.split(',').map(function (c) { return c.trim(); })
      .filter(function (c) { return c.length > 0; })
      .forEach(function (c) { params.append('clientId', c); });
    return params.toString();
  }

  function setStatus(text, problem) {
    status.textContent = text;
    status.className = problem ? 'error' : 'muted';
  }

  function connect() {
    if (source) { source.close(); }
    var q = query();
    history.replaceState(null, '', '/live' + (q ? '?' + q : ''));
    source = new EventSource('/live/events' + (q ? '?' + q : ''));
    source.onopen = function () { setStatus(paused ? 'Connected, paused' : 'Connected: events appear as they are published'); };
    source.onmessage = function (e) {
      var event;
      try { event = JSON.parse(e.data); } catch (notJson) { return; }
      receive(event);
    };
    source.addEventListener('stream-gap', function (e) {
      receive({ type: 'stream-gap', subject: '', time: new Date().toISOString(), data: JSON.parse(e.data) });
    });
    source.addEventListener('problem', function (e) {
      source.close();
      setStatus(e.data, true);
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        setStatus('The stream ended (signed out?). Reload the page to start again.', true);
      } else {
        setStatus('Reconnecting… (no event is lost: the stream resumes after the last one)');
      }
    };
  }

  function receive(event) {
    if (paused) {
      held.push(event);
      heldCount++;
      if (held.length > MAX) { held.shift(); }
      pause.textContent = 'Resume (' + heldCount + ' new)';
      return;
    }
    show(event);
  }

  function show(event) {
    var item = document.createElement('li');
    item.setAttribute('data-type', event.type || '');
    item.setAttribute('data-client', event.subject || '');
    if (event.id) { item.setAttribute('data-id', event.id); }
    var head = document.createElement('div');
    var time = document.createElement('span');
    time.className = 'muted';
    time.textContent = (event.time || '').replace('T', ' ').replace(/\.\d+Z$/, 'Z') + ' ';
    var type = document.createElement('span');
    type.className = 'type';
    type.textContent = (event.type || '').replace('io.trustline.', '');
    head.appendChild(time);
    head.appendChild(type);
    if (event.subject) {
      head.appendChild(document.createTextNode(' · '));
      var client = document.createElement('a');
      client.href = '/clients/' + encodeURIComponent(event.subject);
      client.textContent = event.subject;
      head.appendChild(client);
    }
    var issueId = event.data && event.data.issueId;
    if (issueId) {
      head.appendChild(document.createTextNode(' · '));
      var incident = document.createElement('a');
      incident.href = '/incidents/' + encodeURIComponent(issueId);
      incident.textContent = 'incident';
      head.appendChild(incident);
    }
    var body = document.createElement('div');
    body.className = 'muted';
    body.textContent = summary(event.data);
    item.appendChild(head);
    item.appendChild(body);
    list.insertBefore(item, list.firstChild);
    while (list.children.length > MAX) { list.removeChild(list.lastChild); }
    empty.hidden = true;
  }

  function summary(data) {
    if (!data || typeof data !== 'object') { return ''; }
    var text = data.summary || data.sentence || data.message || data.whatHappened || '';
    if (!text) {
      text = Object.keys(data).filter(function (k) { return typeof data[k] !== 'object'; }).slice(0, 4)
        .map(function (k) { return k + ': ' + data[k]; }).join(', ');
    }
    return text.length > 300 ? text.substring(0, 300) + '…' : text;
  }

  pause.addEventListener('click', function () {
    paused = !paused;
    pause.setAttribute('aria-pressed', paused ? 'true' : 'false');
    if (paused) {
      pause.textContent = 'Resume (0 new)';
      setStatus('Paused: new events are held until you resume');
    } else {
      held.forEach(show);
      held = [];
      heldCount = 0;
      pause.textContent = 'Pause';
      setStatus('Connected: events appear as they are published');
    }
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    connect();
  });

  window.addEventListener('pagehide', function () { if (source) { source.close(); } });
  connect();
})();
