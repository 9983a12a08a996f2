// The ops page: plain JavaScript over the admin API (/api/v1/admin), with the bearer token its user pastes.
'use strict';

const API = '/api/v1';
const REFRESH_MS = 1000;
let token = sessionStorage.getItem('souq-ops-token') || '';

const $ = selector => document.querySelector(selector);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (name === 'onclick') {
      node.addEventListener('click', value);
    } else if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => node.append(child instanceof Node ? child : String(child ?? '')));
  return node;
}

function say(text) {
  $('#message').textContent = text || '';
}

async function call(method, path) {
  const response = await fetch(API + path, {method, headers: {Authorization: 'Bearer ' + token}});
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((body && (body.detail || body.title)) || ('HTTP ' + response.status));
  }
  return body;
}

function bar(percent, label, kind, attributes = {}) {
  const shown = Math.max(0, Math.min(100, percent));
  return element('div', Object.assign({class: 'bar ' + (kind || ''), role: 'progressbar',
      'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': String(shown)}, attributes),
    element('div', {class: 'fill', style: 'width:' + shown + '%'}),
    element('span', {class: 'label'}, label));
}

function rebuildCell(processor) {
  const rebuild = processor.rebuild;
  if (!rebuild) {
    return processor.kind === 'READ_MODEL' ? '—' : '';
  }
  const label = rebuild.state === 'COMPLETED'
    ? '100 % · finished ' + new Date(rebuild.finishedAt).toLocaleTimeString()
    : rebuild.state === 'FAILED' || rebuild.state === 'CANCELLED'
      ? rebuild.state.toLowerCase() + (rebuild.failure ? ': ' + rebuild.failure : '')
      : rebuild.percent + ' % · ' + rebuild.eventsDone + '/' + rebuild.eventsTotal + ' · '
        + rebuild.eventsPerSecond + ' ev/s · ETA ' + rebuild.etaSeconds + ' s';
  return bar(rebuild.percent, label, rebuild.state === 'FAILED' ? 'failed' : '',
    {class: 'bar rebuild-bar', 'data-state': rebuild.state, 'data-percent': String(rebuild.percent),
      'data-started': rebuild.startedAt});
}

function actions(processor) {
  const buttons = [];
  if (processor.status === 'PAUSED') {
    buttons.push(element('button', {class: 'resume', onclick: () => act('POST', processor, 'resume')}, 'Resume'));
  } else {
    buttons.push(element('button', {class: 'pause', onclick: () => act('POST', processor, 'pause')}, 'Pause'));
  }
  if (processor.kind === 'READ_MODEL') {
    const running = processor.rebuild && (processor.rebuild.state === 'BUILDING'
      || processor.rebuild.state === 'SWAPPING');
    buttons.push(element('button', {class: 'rebuild', onclick: () => act('POST', processor, 'rebuild'),
      disabled: running ? 'disabled' : null}, 'Rebuild'));
  }
  return buttons;
}

async function act(method, processor, action) {
  try {
    say('');
    await call(method, '/admin/processors/' + encodeURIComponent(processor.name) + '/' + action);
    await refresh();
  } catch (e) {
    say(processor.name + ': ' + e.message);
  }
}

function renderProcessors(overview) {
  $('#head').textContent = '· head of the event store: ' + overview.headPosition;
  const rows = overview.processors.map(processor => {
    const caughtUp = overview.headPosition === 0 ? 100
      : Math.floor(100 * processor.position / overview.headPosition);
    return element('tr', {'data-processor': processor.name},
      element('td', {}, processor.name),
      element('td', {}, processor.kind),
      element('td', {class: 'status-' + processor.status},
        processor.status + (processor.errors.length ? ': ' + processor.errors[0] : '')),
      element('td', {}, bar(caughtUp, processor.position + ' · lag ' + processor.lag, 'lag',
        {class: 'bar lag lag-bar', 'data-lag': String(processor.lag)})),
      element('td', {}, String(processor.deadLetters)),
      element('td', {}, rebuildCell(processor)),
      element('td', {}, actions(processor)));
  });
  $('#processors tbody').replaceChildren(...rows);
}

function renderDeadLetters(letters) {
  $('#no-dead-letters').hidden = letters.length > 0;
  const rows = letters.map(letter => element('tr', {'data-letter': letter.letterId},
    element('td', {}, letter.processor),
    element('td', {}, letter.eventType + (letter.first ? '' : ' (queued behind)')),
    element('td', {}, (letter.aggregateId || '') + (letter.aggregateSequenceNumber !== null
      ? ' #' + letter.aggregateSequenceNumber : '')),
    element('td', {}, (letter.causeType || '') + ': ' + (letter.causeMessage || '')),
    element('td', {}, letter.enqueuedAt),
    element('td', {},
      letter.first ? element('button', {class: 'retry', onclick: () => letterAction('POST', letter, '/retry')},
        'Retry') : '',
      element('button', {class: 'evict', onclick: () => {
        if (confirm('Drop this event for ' + letter.processor + ' for good?')) {
          letterAction('DELETE', letter, '');
        }
      }}, 'Evict'))));
  $('#dead-letters tbody').replaceChildren(...rows);
}

async function letterAction(method, letter, suffix) {
  try {
    say('');
    const outcome = await call(method, '/admin/processors/' + encodeURIComponent(letter.processor)
      + '/dead-letters/' + letter.letterId + suffix);
    if (outcome && outcome.succeeded === false) {
      say('Still failing: ' + outcome.stillParkedInSequence + ' event(s) of the sequence stay parked');
    }
    await refresh();
  } catch (e) {
    say(e.message);
  }
}

async function lookUpHistory(event) {
  event.preventDefault();
  try {
    say('');
    const history = await call('GET', '/admin/orders/' + encodeURIComponent($('#order-id').value.trim())
      + '/events');
    $('#history tbody').replaceChildren(...history.history.map(stored => element('tr', {},
      element('td', {}, stored.globalIndex),
      element('td', {}, stored.occurredAt),
      element('td', {}, stored.aggregateType + ' ' + stored.aggregateId + ' #' + stored.sequenceNumber),
      element('td', {}, stored.eventType),
      element('td', {}, stored.subject || ''),
      element('td', {}, element('pre', {}, JSON.stringify(stored.payload, null, 1))))));
    if (history.truncated) {
      say('Only the first ' + history.events + ' events are shown');
    }
  } catch (e) {
    say(e.message);
  }
}

let refreshing = false;

async function refresh() {
  if (!token || refreshing) {
    return;
  }
  refreshing = true;
  try {
    const [overview, letters] = await Promise.all([call('GET', '/admin/processors'),
      call('GET', '/admin/dead-letters?limit=200')]);
    renderProcessors(overview);
    renderDeadLetters(letters);
  } catch (e) {
    say(e.message);
  } finally {
    refreshing = false;
  }
}

function useToken(value) {
  token = value.trim();
  sessionStorage.setItem('souq-ops-token', token);
  $('#who').textContent = token ? 'token set' : '';
  refresh();
}

$('#token-form').addEventListener('submit', event => {
  event.preventDefault();
  useToken($('#token').value);
});

$('#dev-token').addEventListener('click', async () => {
  const response = await fetch(API + '/dev/tokens', {method: 'POST', headers: {'Content-Type': 'application/json'},
    body: JSON.stringify({subject: 'ops-page', roles: ['SUPPORT']})});
  if (!response.ok) {
    say('No development tokens here: paste a token');
    return;
  }
  useToken((await response.json()).accessToken);
});

$('#history-form').addEventListener('submit', lookUpHistory);

if (token) {
  useToken(token);
}
setInterval(refresh, REFRESH_MS);
