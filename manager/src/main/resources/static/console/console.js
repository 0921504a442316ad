// The Runtime Service console: plain JavaScript, no library, no build. Everything it shows comes from the manager's
// API on this origin; the agents table is redrawn from /api/events as soon as an agent changes state.
'use strict';

const HISTORY_MS = 10 * 60 * 1000; // CPU and memory kept for the charts: the last ten minutes
const history = new Map();         // agent name -> [{t, cpu, mem}], from /api/usage, then from each list
let agents = [];
let selected = null;               // the agent whose card and log are shown
let logAbort = null;
let lastEventId = null;
const launching = new Set();       // agents of the launch in progress, whose states the progress list shows

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  children.forEach((child) => node.append(child));
  return node;
};

// ---- the API key: asked for when the manager answers 401, kept in this tab's session storage only
function key() { return sessionStorage.getItem('runtime-api-key'); }
function headers(extra = {}) { return key() ? { ...extra, 'X-API-Key': key() } : extra; }
let keyAsked = null;
function askKey() {
  if (!keyAsked) {
    keyAsked = new Promise((resolve) => {
      const dialog = $('key-dialog');
      $('key-form').onsubmit = () => {
        sessionStorage.setItem('runtime-api-key', $('key-input').value);
        $('forget-key').hidden = false;
        keyAsked = null;
        resolve();
      };
      dialog.showModal();
    });
  }
  return keyAsked;
}

async function api(path, options = {}) {
  const response = await fetch(path, { ...options, headers: headers(options.headers) });
  if (response.status === 401) {
    await askKey();
    return api(path, options);
  }
  return response;
}

async function problem(response) {
  try { return (await response.json()).detail || response.statusText; } catch { return response.statusText; }
}

// ---- formatting
const fmt = {
  bytes(n) {
    if (n == null) return '-';
    const units = ['B', 'KiB', 'MiB', 'GiB'];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return i === 0 ? `${n} B` : `${n.toFixed(1)} ${units[i]}`;
  },
  uptime(agent) {
    if (agent.status !== 'RUNNING' || !agent.started_at) return '-';
    const s = Math.max(0, Math.floor((Date.now() - Date.parse(agent.started_at)) / 1000));
    if (s < 60) return `${s}s`;
    if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
    return `${Math.floor(s / 3600)}h${String(Math.floor(s % 3600 / 60)).padStart(2, '0')}m`;
  },
  time(iso) { return new Date(iso).toLocaleTimeString(); },
};

// ---- agents table
async function refreshAgents() {
  const response = await api('/api/list_agents');
  if (!response.ok) return;
  agents = (await response.json()).agents;
  const now = Date.now();
  for (const agent of agents) {
    if (agent.cpu_percent == null && agent.memory_bytes == null) continue;
    const points = history.get(agent.name) || [];
    points.push({ t: now, cpu: agent.cpu_percent || 0, mem: agent.memory_bytes || 0 });
    history.set(agent.name, points.filter((p) => now - p.t <= HISTORY_MS));
  }
  drawAgents();
}

// The last minutes as the manager recorded them, so that the charts do not start empty when the page opens.
async function loadUsage() {
  const response = await api('/api/usage');
  if (!response.ok) return;
  const { agents: recorded } = await response.json();
  for (const [name, samples] of Object.entries(recorded)) {
    const points = samples.map((s) => ({ t: Date.parse(s.time), cpu: s.cpu_percent || 0, mem: s.memory_bytes || 0 }));
    const newer = (history.get(name) || []).filter((p) => p.t > (points.length ? points[points.length - 1].t : 0));
    history.set(name, points.concat(newer));
  }
  drawAgents();
}

function spark(points, field, cls) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 120 24');
  if (points.length > 1) {
    const max = Math.max(...points.map((p) => p[field]), field === 'cpu' ? 100 : 1);
    const start = points[0].t;
    const span = Math.max(1, points[points.length - 1].t - start);
    const line = document.createElementNS('http://www.w3.org/2000/svg', 'polyline');
    line.setAttribute('class', cls);
    line.setAttribute('points', points.map((p) =>
      `${((p.t - start) / span * 118 + 1).toFixed(1)},${(23 - p[field] / max * 22).toFixed(1)}`).join(' '));
    svg.append(line);
  }
  return svg;
}

function drawAgents() {
  const body = $('agents').tBodies[0];
  body.replaceChildren(...agents.map((agent) => {
    const points = history.get(agent.name) || [];
    const minutes = points.length > 1 ? Math.ceil((points[points.length - 1].t - points[0].t) / 60000) : 0;
    const usage = el('td', { className: 'optional', title: `CPU (blue) and memory (green), last ${minutes} min` },
      spark(points, 'cpu', 'cpu'), spark(points, 'mem', 'mem'));
    const actions = el('td', {},
      el('button', { className: 'secondary open', textContent: 'Open', onclick: () => select(agent.name) }), ' ',
      el('button', { className: 'secondary stop', textContent: 'Stop', onclick: () => stop(agent.name),
        disabled: agent.status === 'STOPPED' }));
    const row = el('tr', {},
      el('td', { textContent: agent.name }),
      el('td', {}, el('span', { className: `badge status-${agent.status}`, textContent: agent.status })),
      el('td', { className: 'num', textContent: agent.pid ?? '-' }),
      el('td', { className: 'num', textContent: agent.port ?? '-' }),
      el('td', { className: 'num optional', textContent: fmt.uptime(agent) }),
      el('td', { className: 'num', textContent: agent.cpu_percent == null ? '-' : `${agent.cpu_percent.toFixed(1)}%` }),
      el('td', { className: 'num', textContent: fmt.bytes(agent.memory_bytes) }),
      el('td', { className: 'num optional', textContent: agent.restarts ?? 0 }),
      usage, actions);
    row.dataset.agent = agent.name;
    row.dataset.status = agent.status;
    row.title = agent.message || '';
    return row;
  }));
  $('agents-empty').hidden = agents.length > 0;
}

async function stop(name) {
  const response = await api(`/api/stop_agent?agent_name=${encodeURIComponent(name)}`, { method: 'POST' });
  if (!response.ok) alert(await problem(response));
  refreshAgents();
}

// ---- launch
async function loadCatalog() {
  const response = await api('/api/catalog');
  if (!response.ok) return;
  const { agents: catalog } = await response.json();
  $('catalog').replaceChildren(el('legend', { textContent: 'agents' }), ...catalog.map((agent) =>
    el('label', { title: agent.description },
      el('input', { type: 'checkbox', name: 'agent', value: agent.name }), ` ${agent.name}`)));
}

function resourcesValue() {
  const text = $('resources').value.trim() || '{}';
  let value;
  try { value = JSON.parse(text); } catch (e) { throw new Error(`resources is not valid JSON: ${e.message}`); }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error('resources must be a JSON object, such as {"db": {"url": "…", "password": "…"}}');
  }
  return value;
}

async function launch(event) {
  event.preventDefault();
  const names = [...document.querySelectorAll('#catalog input:checked')].map((box) => box.value);
  const error = $('resources-error');
  error.hidden = true;
  let resources;
  try {
    if (names.length === 0) throw new Error('Choose at least one agent.');
    resources = resourcesValue();
  } catch (e) {
    error.textContent = e.message;
    error.hidden = false;
    return;
  }
  $('launch').disabled = true;
  names.forEach((name) => launching.add(name));
  progress(`launching ${names.join(', ')}…`);
  try {
    const response = await api('/api/launch_agents', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ agents: names, resources }),
    });
    if (response.ok) {
      for (const agent of (await response.json()).agents) progress(`${agent.name}: ${agent.message}`);
    } else {
      progress(`failed: ${await problem(response)}`);
    }
  } finally {
    $('launch').disabled = false;
    launching.clear();
    refreshAgents();
  }
}

function progress(text) {
  const list = $('launch-progress');
  list.append(el('li', { textContent: `${new Date().toLocaleTimeString()}  ${text}` }));
  list.scrollTop = list.scrollHeight;
}

// ---- the live event stream (fetch rather than EventSource, which cannot send the API key)
async function followEvents() {
  for (;;) {
    try {
      const extra = { Accept: 'text/event-stream' };
      if (lastEventId) extra['Last-Event-ID'] = lastEventId;
      const response = await api('/api/events', { headers: extra });
      if (!response.ok) throw new Error(await problem(response));
      setBadge('stream', 'events: live', 'up');
      await readEvents(response.body.getReader(), onEvent);
    } catch (e) {
      console.warn('event stream', e);
    }
    setBadge('stream', 'events: reconnecting', 'down');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function readEvents(reader, handle) {
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { id: null, name: 'message', data: [] };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const data = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') event.id = data;
        else if (field === 'event') event.name = data;
        else if (field === 'data') event.data.push(data);
      }
      if (event.data.length) handle(event);
    }
  }
}

let refreshTimer = null;
function onEvent(event) {
  if (event.id) lastEventId = event.id;
  const data = JSON.parse(event.data.join('\n'));
  const line = describe(data);
  const list = $('events');
  list.prepend(el('li', { textContent: line }));
  while (list.children.length > 200) list.lastChild.remove();
  if (data.kind === 'state' && launching.has(data.agent)) progress(`${data.agent}: ${data.state}`);
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAgents, 50);
}

function describe(e) {
  const time = e.time ? fmt.time(e.time) : '';
  switch (e.kind) {
    case 'state': return `${time}  ${e.agent}  ${e.state}${e.previous ? ` (was ${e.previous})` : ''}`
      + `${e.pid ? ` pid ${e.pid}` : ''}${e.reason ? `: ${e.reason}` : ''}`;
    case 'restart': return `${time}  ${e.agent}  restart ${e.restarts} after it ${e.reason}`;
    case 'standby': return `${time}  ${e.agent}  standby ${e.change.toLowerCase()} (pid ${e.pid})`;
    case 'gap': return `${e.detail}`;
    default: return JSON.stringify(e);
  }
}

// ---- one agent: its card, its skills, its log followed live
async function select(name) {
  selected = name;
  $('detail-section').hidden = false;
  $('detail-title').textContent = `Agent ${name}`;
  showCard(name);
  followLog(name);
  $('detail-section').scrollIntoView({ behavior: 'smooth', block: 'start' });
}

async function showCard(name) {
  const box = $('card');
  box.replaceChildren(el('p', { className: 'muted', textContent: 'loading…' }));
  const response = await api(`/api/agents/${encodeURIComponent(name)}/card`);
  if (!response.ok) {
    box.replaceChildren(el('p', { className: 'muted', textContent: await problem(response) }));
    return;
  }
  const card = await response.json();
  box.replaceChildren(
    el('p', { textContent: `${card.name || name} ${card.version || ''}: ${card.description || ''}` }),
    ...(card.skills || []).map((skill) => el('div', { className: 'skill' },
      el('code', { textContent: skill.id }), ` ${skill.name || ''}: ${skill.description || ''}`)));
}

async function followLog(name) {
  if (logAbort) logAbort.abort();
  const abort = new AbortController();
  logAbort = abort;
  const pre = $('log');
  pre.textContent = '';
  try {
    const response = await api(`/api/agents/${encodeURIComponent(name)}/logs?follow=true&lines=200`,
      { headers: { Accept: 'text/plain' }, signal: abort.signal });
    if (!response.ok) { pre.textContent = await problem(response); return; }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
      pre.append(decoder.decode(value, { stream: true }));
      if (pre.textContent.length > 400000) pre.textContent = pre.textContent.slice(-300000);
      if (atBottom) pre.scrollTop = pre.scrollHeight;
    }
  } catch (e) {
    if (e.name !== 'AbortError') pre.append(`\n(log stream ended: ${e.message})\n`);
  }
}

// ---- the orchestrator
async function instruct(event) {
  event.preventDefault();
  const result = $('instruct-result');
  const text = $('instruction').value.trim();
  if (!text) { result.replaceChildren(el('p', { className: 'error', textContent: 'Write an instruction.' })); return; }
  result.replaceChildren(el('p', { className: 'muted', textContent: 'asking the orchestrator…' }));
  const response = await api('/api/instructions', {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text, execute: $('execute').checked }),
  });
  if (!response.ok) {
    result.replaceChildren(el('p', { className: 'error', textContent: await problem(response) }));
    return;
  }
  const answer = await response.json();
  const rows = [];
  const add = (label, value) => rows.push(el('dt', { textContent: label }), el('dd', { textContent: value }));
  if (answer.choice) {
    const c = answer.choice;
    add('agent', `${c.agent}, skill ${c.skill} (${c.skill_name}), confidence ${c.confidence}`
      + `${c.running ? '' : ' — not running'}`);
  } else {
    add('agent', 'none fits');
  }
  if (answer.prompt) add('plan', answer.prompt.text || answer.prompt.task);
  if (answer.execution) {
    add('called', `${answer.execution.request} → ${answer.execution.status} in ${answer.execution.took_ms} ms`);
    add('answer', JSON.stringify(answer.execution.answer, null, 2));
  }
  result.replaceChildren(el('dl', { className: 'answer' }, ...rows));
}

// ---- health
function setBadge(id, text, state) {
  const badge = $(id);
  badge.textContent = text;
  badge.className = `badge ${state || ''}`;
}

async function refreshHealth() {
  try {
    const response = await fetch('/actuator/health', { headers: headers() });
    const body = await response.json();
    setBadge('health', `health: ${body.status}`, body.status === 'UP' ? 'up' : 'down');
  } catch {
    setBadge('health', 'health: unreachable', 'down');
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('launch-form').addEventListener('submit', launch);
  $('instruct-form').addEventListener('submit', instruct);
  $('forget-key').hidden = !key();
  $('forget-key').onclick = () => { sessionStorage.removeItem('runtime-api-key'); location.reload(); };
  refreshAgents().then(loadUsage).then(loadCatalog);
  followEvents();
  refreshHealth();
  setInterval(refreshAgents, 5000);
  setInterval(refreshHealth, 5000);
});
