/*
 * What every demo page shares: an EventSource with its connection state on screen
 * (connecting, open, reconnecting, closed), counters that prove each event arrived once
 * (received, missed, repeated, reconnects), and the "drop connection" button.
 * No dependencies; everything the pages load is in the WAR.
 */
'use strict';

const SseDemo = (() => {
  const LABELS = {
    connecting: 'connecting…', open: 'open', reconnecting: 'reconnecting…',
    closed: 'closed', refused: 'refused', done: 'done'
  };

  /** Shows a connection state in the element with id "state" (data-state for tests). */
  function showState(state, detail) {
    const el = document.getElementById('state');
    if (!el) return;
    el.dataset.state = state;
    el.className = 'state state-' + state;
    el.textContent = LABELS[state] + (detail ? ' · ' + detail : '');
  }

  /** Counters in elements with ids received, missed, repeated, reconnects (all optional). */
  class Counters {
    constructor() {
      this.values = { received: 0, missed: 0, repeated: 0, reconnects: 0 };
      this.lastSeq = null;
      this.ids = new Set();
      this.render();
    }
    /** An event with a per-channel sequence number: gaps and repeats are counted. */
    seq(seq) {
      if (this.lastSeq !== null) {
        if (seq <= this.lastSeq) { this.values.repeated++; this.render(); return false; }
        this.values.missed += seq - this.lastSeq - 1;
      }
      this.lastSeq = seq;
      this.values.received++;
      this.render();
      return true;
    }
    /** An event identified by its id only: repeats are counted. */
    id(id) {
      if (id && this.ids.has(id)) { this.values.repeated++; this.render(); return false; }
      if (id) this.ids.add(id);
      this.values.received++;
      this.render();
      return true;
    }
    reconnected() { this.values.reconnects++; this.render(); }
    render() {
      for (const [name, value] of Object.entries(this.values)) {
        const el = document.getElementById(name);
        if (el) { el.textContent = value; el.dataset.value = value; }
      }
    }
  }

  /**
   * Opens an EventSource and keeps the state badge true to it. handlers maps event names
   * to functions of (MessageEvent); the browser reconnects by itself with Last-Event-ID.
   */
  function connect(url, handlers, options = {}) {
    const counters = options.counters;
    let wasOpen = false;
    showState('connecting');
    const source = new EventSource(url, { withCredentials: !!options.withCredentials });
    source.onopen = () => {
      if (wasOpen && counters) counters.reconnected();
      wasOpen = true;
      showState('open');
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CONNECTING) {
        showState(wasOpen ? 'reconnecting' : 'connecting');
      } else {
        showState(wasOpen ? 'closed' : 'refused', options.refusedHint || '');
        if (options.onClosed) options.onClosed();
      }
    };
    for (const [name, handler] of Object.entries(handlers)) {
      source.addEventListener(name, handler);
    }
    return source;
  }

  /** Wires a button with id "drop" to POST /api/drop (server closes every demo stream). */
  function dropButton(base = '') {
    const button = document.getElementById('drop');
    if (!button) return;
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await fetch(base + 'api/drop', { method: 'POST', credentials: 'include' });
      } finally {
        button.disabled = false;
      }
    });
  }

  /** Appends a row to a list, keeping at most max rows (newest last). */
  function append(list, node, max = 200) {
    const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 4;
    list.appendChild(node);
    while (list.children.length > max) list.removeChild(list.firstChild);
    if (stick) list.scrollTop = list.scrollHeight;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  return { connect, Counters, showState, dropButton, append, el };
})();
