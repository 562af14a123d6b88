/*
 * The sample's dashboard: polls /actuator/atomics once a second, shows every atomic with its value, and draws
 * the rate of the shared counter over the last minute on a plain <canvas>. No libraries, no build step.
 */
(function () {
  'use strict';

  var POLL_MS = 1000;
  var WINDOW_MS = 60 * 1000;

  var body = document.getElementById('atomics-body');
  var statusEl = document.getElementById('status');
  var updatedEl = document.getElementById('updated');
  var canvas = document.getElementById('rate-chart');
  var chartName = document.getElementById('chart-name');
  var chartSource = document.getElementById('chart-source');
  var rateNow = document.getElementById('rate-now');
  var ratePeak = document.getElementById('rate-peak');
  var answer = document.getElementById('answer');

  var rows = {};          // name -> {row, value}
  var samples = [];       // {t: ms, v: BigInt} of the charted counter
  var rates = [];         // {t: ms, r: per second}
  var charted = null;     // name of the charted atomic
  var health = null;

  // ---- reading the endpoint -------------------------------------------------------------------------------

  /** The list of atomic descriptors, whatever the wrapping: [..], {atomics: [..]}, or {atomics: {name: {..}}}. */
  function entriesOf(json) {
    var list = json;
    if (list && !Array.isArray(list)) {
      list = list.atomics || list.entries || list;
    }
    if (Array.isArray(list)) {
      return list;
    }
    return Object.keys(list || {}).map(function (name) {
      var d = Object.assign({}, list[name]);
      if (!d.name) { d.name = name; }
      return d;
    });
  }

  function text(v) {
    return v === null || v === undefined ? '' : String(v);
  }

  function sourceKind(a) {
    var s = a.source;
    if (s && typeof s === 'object') { return text(s.kind || s.type); }
    return text(s).split(/[\s:]/)[0];
  }

  function describeSource(a) {
    var s = a.source;
    if (s && typeof s === 'object') {
      if (s.description) { return s.description; }
      var where = s.shm || s.name || s.file || s.path || '';
      var parts = [text(s.kind || s.type), where];
      if (s.offset !== undefined && s.offset !== null) { parts.push('@ ' + s.offset); }
      return parts.filter(Boolean).join(' ');
    }
    return text(s);
  }

  function isIntegral(a) {
    var t = text(a.type).toLowerCase();
    return t === 'int' || t === 'uint';
  }

  function displayValue(a) {
    if (a.status === 'unavailable') { return 'unavailable'; } // a peer shrank, removed or replaced its memory
    var v = a.value;
    if (v === null || v === undefined) { return '–'; }
    if (!isIntegral(a) && typeof v === 'string' && !/^0x/i.test(v)) { return '0x' + v; }
    return text(v);
  }

  // ---- the table -----------------------------------------------------------------------------------------

  function cell(tr, cls, content) {
    var td = document.createElement('td');
    if (cls) { td.className = cls; }
    td.textContent = content;
    tr.appendChild(td);
    return td;
  }

  function render(list) {
    var seen = {};
    var placeholder = body.querySelector('tr.placeholder');
    if (placeholder) { placeholder.remove(); }
    list.forEach(function (a) {
      var name = text(a.name);
      seen[name] = true;
      var entry = rows[name];
      if (!entry) {
        var tr = document.createElement('tr');
        tr.setAttribute('data-atomic', name);
        cell(tr, 'name', name);
        cell(tr, 'type', text(a.type).toLowerCase() + (a.readonly ? ' (read-only)' : ''));
        cell(tr, 'width', text(a.width));
        cell(tr, 'source', describeSource(a));
        var value = cell(tr, 'value', '');
        value.setAttribute('data-value-of', name);
        body.appendChild(tr);
        entry = rows[name] = { row: tr, value: value };
      }
      var shown = displayValue(a);
      entry.value.classList.toggle('unavailable', a.status === 'unavailable');
      entry.value.title = a.problem ? text(a.problem) : '';
      if (entry.value.textContent !== shown) {
        var first = entry.value.textContent === '';
        entry.value.textContent = shown;
        if (!first) { flash(entry.value); }
      }
    });
    Object.keys(rows).forEach(function (name) {
      if (!seen[name]) { rows[name].row.remove(); delete rows[name]; }
    });
  }

  function flash(el) {
    el.classList.add('changed');
    setTimeout(function () { el.classList.remove('changed'); }, 400);
  }

  // ---- the chart ------------------------------------------------------------------------------------------

  /** The counter to chart: one on a Redis key (shared by every instance) if there is one, else jobs-done. */
  function pickCharted(list) {
    var cluster = list.filter(function (a) { return isIntegral(a) && sourceKind(a) === 'redis'; });
    if (cluster.length) { return cluster[0]; }
    var shared = list.filter(function (a) {
      var k = sourceKind(a);
      return isIntegral(a) && (k === 'shm' || k === 'file');
    });
    var named = shared.filter(function (a) { return a.name === 'jobs-done'; });
    return (named[0] || shared[0] || null);
  }

  /** Buttons for an atomic that only some profiles declare (data-needs) show once it is listed. */
  function showButtons(list) {
    document.querySelectorAll('button[data-needs]').forEach(function (b) {
      b.hidden = !list.some(function (a) { return a.name === b.getAttribute('data-needs'); });
    });
  }

  function sample(list, now) {
    var a = pickCharted(list);
    if (!a) { chartName.textContent = 'none configured'; return; }
    if (charted !== a.name) {
      charted = a.name; samples = []; rates = [];
      chartName.textContent = a.name;
      chartSource.textContent = describeSource(a) + ': increments per second over the last minute.';
    }
    var v;
    try { v = BigInt(text(a.value)); } catch (e) { return; }
    var prev = samples[samples.length - 1];
    samples.push({ t: now, v: v });
    if (prev && now > prev.t) {
      var r = Number(v - prev.v) * 1000 / (now - prev.t);
      rates.push({ t: now, r: r });
    }
    while (samples.length && samples[0].t < now - WINDOW_MS) { samples.shift(); }
    while (rates.length && rates[0].t < now - WINDOW_MS) { rates.shift(); }
  }

  function fmtRate(r) {
    if (!isFinite(r)) { return '–'; }
    var abs = Math.abs(r);
    return abs >= 100 ? Math.round(r).toLocaleString('en') : (Math.round(r * 10) / 10).toString();
  }

  function niceMax(m) {
    if (m <= 1) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(m)));
    var steps = [1, 2, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (m <= steps[i] * p) { return steps[i] * p; } }
    return 10 * p;
  }

  function draw(now) {
    var ctx = canvas.getContext('2d');
    var w = canvas.width, h = canvas.height;
    var left = 56, right = 12, top = 12, bottom = 26;
    var pw = w - left - right, ph = h - top - bottom;
    ctx.clearRect(0, 0, w, h);

    var peak = rates.reduce(function (m, x) { return Math.max(m, x.r); }, 0);
    var low = rates.reduce(function (m, x) { return Math.min(m, x.r); }, 0);
    var max = niceMax(peak), min = low < 0 ? -niceMax(-low) : 0;

    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#5c6577';
    ctx.strokeStyle = '#e3e6ec';
    ctx.lineWidth = 1;
    for (var i = 0; i <= 4; i++) {
      var y = top + ph - ph * i / 4;
      ctx.beginPath(); ctx.moveTo(left, y + 0.5); ctx.lineTo(left + pw, y + 0.5); ctx.stroke();
      ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(fmtRate(min + (max - min) * i / 4), left - 6, y);
    }
    ctx.textAlign = 'center'; ctx.textBaseline = 'top';
    for (var s = 0; s <= 60; s += 15) {
      var x = left + pw - pw * s / 60;
      ctx.fillText(s === 0 ? 'now' : '-' + s + ' s', x, top + ph + 6);
    }

    function px(t) { return left + pw - pw * (now - t) / WINDOW_MS; }
    function py(r) { return top + ph - ph * (r - min) / (max - min); }

    if (rates.length) {
      ctx.beginPath();
      rates.forEach(function (p, k) { if (k === 0) { ctx.moveTo(px(p.t), py(p.r)); } else { ctx.lineTo(px(p.t), py(p.r)); } });
      ctx.lineTo(px(rates[rates.length - 1].t), py(0));
      ctx.lineTo(px(rates[0].t), py(0));
      ctx.closePath();
      ctx.fillStyle = 'rgba(35, 96, 214, 0.12)';
      ctx.fill();
      ctx.beginPath();
      rates.forEach(function (p, k) { if (k === 0) { ctx.moveTo(px(p.t), py(p.r)); } else { ctx.lineTo(px(p.t), py(p.r)); } });
      ctx.strokeStyle = '#2360d6';
      ctx.lineWidth = 2;
      ctx.stroke();
      rateNow.textContent = fmtRate(rates[rates.length - 1].r);
      ratePeak.textContent = fmtRate(peak);
    } else {
      ctx.fillStyle = '#5c6577'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
      ctx.fillText('collecting samples…', left + pw / 2, top + ph / 2);
    }
    canvas.setAttribute('data-samples', String(samples.length));
  }

  // ---- polling ------------------------------------------------------------------------------------------

  function getJson(url) {
    return fetch(url, { cache: 'no-store', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': HTTP ' + r.status); }
      return r.json();
    });
  }

  function setStatus(state, message) {
    statusEl.setAttribute('data-state', state);
    statusEl.textContent = message;
  }

  /** "patomic 1.0.0 (bundled)" from the endpoint's nativeLibrary, or why there is none. */
  function libraryText(lib) {
    if (!lib) { return ''; }
    if (lib.error) { return 'native library unavailable: ' + lib.error; }
    return 'patomic ' + text(lib.version) + (lib.bundled === true ? ' (bundled)' : lib.bundled === false ? ' (upstream)' : '');
  }

  function healthText() {
    return health ? 'health ' + text(health.status) : '';
  }

  function poll() {
    getJson('actuator/atomics').then(function (json) {
      var list = entriesOf(json);
      var now = Date.now();
      render(list);
      showButtons(list);
      sample(list, now);
      draw(now);
      var parts = [list.length + ' atomics', libraryText(json && json.nativeLibrary), healthText()];
      setStatus(health && health.status !== 'UP' ? 'down' : 'up', parts.filter(Boolean).join(' · '));
      if (json && json.nativeLibrary && json.nativeLibrary.path) {
        statusEl.title = json.nativeLibrary.path;
      }
      updatedEl.textContent = 'Updated ' + new Date(now).toLocaleTimeString('en-GB') + '.';
    }).catch(function (e) {
      setStatus('error', 'cannot read /actuator/atomics: ' + e.message);
    });
  }

  function pollHealth() {
    // /actuator/health answers 503 with a body when DOWN: read the body whatever the status
    fetch('actuator/health', { cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.json(); })
      .then(function (h) { health = h; }, function () { health = null; });
  }

  // ---- the "try it" buttons -----------------------------------------------------------------------------

  document.querySelectorAll('button[data-post], button[data-put], button[data-delete]').forEach(function (b) {
    b.addEventListener('click', function () {
      var method = b.hasAttribute('data-post') ? 'POST' : b.hasAttribute('data-put') ? 'PUT' : 'DELETE';
      var url = b.getAttribute('data-' + method.toLowerCase());
      fetch(url, { method: method, headers: { Accept: 'application/json' } })
        .then(function (r) { return r.text().then(function (t) { return r.status + ' ' + t; }); })
        .then(function (t) { answer.textContent = method + ' /' + url + ' → ' + t; poll(); },
          function (e) { answer.textContent = method + ' /' + url + ' failed: ' + e.message; });
    });
  });

  pollHealth();
  poll();
  setInterval(poll, POLL_MS);
  setInterval(pollHealth, 10 * POLL_MS);
})();
