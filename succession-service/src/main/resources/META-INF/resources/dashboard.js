/*
 * Understudy succession dashboard: plain JavaScript on the public succession API only.
 *
 * - Signs in with a pasted bearer token (kept in sessionStorage), sends it on every request, and
 *   reads the token's `groups` claim only to decide what to show: the API decides what is allowed
 *   (401: signed out or expired; 403: not for this role).
 * - Posts come from the server-sent event stream, read with fetch() so that the token can be sent
 *   (EventSource cannot send headers): the current state of every post, `ready`, then each change.
 *   It reconnects with backoff and says so when it drops and when it is back.
 * - The headline and the regions' figures come from /summary and /capacity, fetched again shortly
 *   after every change the stream brings.
 * - No inline scripts or styles (the page is served with a Content-Security-Policy of 'self').
 */
(function () {
  'use strict';

  const API = '/api/v1/succession';
  const TOKEN_KEY = 'understudy.token';

  const REGIONS = {
    LONDON: 'London',
    SOUTH_EAST: 'South East',
    SOUTH_WEST: 'South West',
    EAST_OF_ENGLAND: 'East of England',
    MIDLANDS: 'Midlands',
    NORTH_WEST: 'North West',
    NORTH_EAST_AND_YORKSHIRE: 'North East and Yorkshire'
  };
  const ROLES = {
    CHIEF_EXECUTIVE: 'Chief executive',
    CHAIR: 'Chair',
    CHIEF_FINANCIAL_OFFICER: 'Chief financial officer',
    CHIEF_MEDICAL_OFFICER: 'Chief medical officer',
    CHIEF_NURSE: 'Chief nurse',
    CHIEF_OPERATING_OFFICER: 'Chief operating officer',
    NON_EXECUTIVE_DIRECTOR: 'Non-executive director',
    REGIONAL_DIRECTOR: 'Regional director'
  };
  const TYPES = {
    ACUTE: 'acute', MENTAL_HEALTH: 'mental health', COMMUNITY: 'community',
    AMBULANCE: 'ambulance', SPECIALIST: 'specialist', OTHER: 'other',
    INTEGRATED_CARE_BOARD: 'integrated care board', REGIONAL_TEAM: 'regional team'
  };
  const LEVELS = ['NONE', 'THIN', 'VIABLE', 'STRONG'];
  const LEVEL_WORDS = { NONE: 'None', THIN: 'Thin', VIABLE: 'Viable', STRONG: 'Strong' };
  const EFFECT_WORDS = { SUPPORTS: 'Supports', WEIGHS_AGAINST: 'Weighs against', CONTEXT: 'Context' };
  const LEAVING = { RESIGNED: 'resigned', DISMISSED: 'dismissed', MUTUAL_AGREEMENT: 'mutual agreement', RETIRED: 'retired', MOVED: 'moved',
    END_OF_INTERIM: 'end of interim' };

  /** Columns the API can sort its CSV by (the table sorts by these and a few more itself). */
  const API_SORTS = ['organisationName', 'role', 'readyNow', 'readySoon', 'lastShortlistSize', 'oversightSegment'];

  const state = {
    token: null,
    claims: null,
    expiryTimer: null,
    posts: new Map(),
    summary: null,
    capacity: null,
    sort: { key: 'readyNow', descending: false },
    tablePage: 0,
    tableRows: 500,
    filters: { search: '', region: '', role: '', replaceability: '', segment: '', icb: '' },
    route: { name: null, postId: null },
    stream: { controller: null, generation: 0, attempt: 0, timer: null, ready: false, readySince: 0, dropped: false },
    renderTimer: null,
    refreshTimer: null,
    postRefreshTimer: null,
    changed: new Set()
  };

  const $ = (id) => document.getElementById(id);

  // ---- small DOM helpers ----------------------------------------------------------------------

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'text') node.textContent = v;
        else if (k === 'className') node.className = v;
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const child of [].concat(children || [])) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(node, visible) { node.hidden = !visible; }

  function message(node, text) {
    node.textContent = text || '';
    node.hidden = !text;
  }

  const dateTime = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  const timeOnly = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function formatDate(iso) { return iso ? dateOnly.format(new Date(iso)) : '–'; }
  function formatDateTime(iso) { return iso ? dateTime.format(new Date(iso)) : '–'; }
  function orDash(v) { return v === null || v === undefined ? '–' : String(v); }

  /** A share (0 to 1, 4 places) as a percentage with one decimal, rounded half up. */
  function percent(share) {
    if (share === null || share === undefined) return '–';
    const tenths = Math.round(Math.round(share * 10000) / 10);
    return Math.floor(tenths / 10) + '.' + (tenths % 10) + '%';
  }

  function plural(n, one, many) { return n === 1 ? '1 ' + one : n + ' ' + many; }

  // ---- token and role -------------------------------------------------------------------------

  /** The token's claims: a base64url-decoded JSON payload (not verified here: the API verifies). */
  function decodeClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    try {
      let b64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
      b64 += '='.repeat((4 - (b64.length % 4)) % 4);
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const claims = JSON.parse(new TextDecoder().decode(bytes));
      return claims && typeof claims === 'object' ? claims : null;
    } catch (e) {
      return null;
    }
  }

  function roles() {
    const groups = state.claims && state.claims.groups;
    return Array.isArray(groups) ? groups : (typeof groups === 'string' ? [groups] : []);
  }

  /** What the role may see: 'read' (posts, summary, capacity, stream) or 'decide' (dismissal readiness, knock-on). */
  function may(what) {
    const r = roles();
    if (r.includes('admin') || r.includes('regulator')) return true;
    return what === 'read' && r.includes('viewer');
  }

  function roleWords() {
    const r = roles();
    return r.length ? r.join(', ') : 'no role';
  }

  function signIn(token, fromStorage) {
    const claims = decodeClaims(token);
    if (!claims) {
      signedOut(fromStorage ? '' : 'That does not look like an access token: it should be three parts separated by dots.');
      return;
    }
    if (typeof claims.exp === 'number' && claims.exp * 1000 <= Date.now()) {
      signedOut('That token expired on ' + formatDateTime(new Date(claims.exp * 1000).toISOString()) + '. Paste a new one.');
      return;
    }
    state.token = token;
    state.claims = claims;
    sessionStorage.setItem(TOKEN_KEY, token);
    clearTimeout(state.expiryTimer);
    if (typeof claims.exp === 'number') {
      const left = Math.min(claims.exp * 1000 - Date.now(), 2147483000);
      state.expiryTimer = setTimeout(() => signedOut('Your token has expired. Paste a new one to go on.'), left);
    }
    $('session-user').textContent = claims.upn || claims.sub || 'unknown user';
    $('session-role').textContent = roleWords();
    show($('session'), true);
    show($('nav'), true);
    $('token').value = '';
    message($('signin-message'), '');
    if (!may('read')) {
      show($('live-bar'), false);
      route();
      return;
    }
    show($('live-bar'), true);
    startStream();
    refreshFigures();
    route();
  }

  /** Back to the sign-in form, saying why (a 401, an expired token, or signing out). */
  function signedOut(why) {
    state.token = null;
    state.claims = null;
    sessionStorage.removeItem(TOKEN_KEY);
    clearTimeout(state.expiryTimer);
    stopStream();
    state.posts.clear();
    state.summary = null;
    state.capacity = null;
    show($('session'), false);
    show($('nav'), false);
    show($('live-bar'), false);
    message($('signin-message'), why || '');
    showView('signin');
    document.title = 'Sign in: Understudy';
    $('token').focus();
  }

  // ---- API ------------------------------------------------------------------------------------

  class Refused extends Error {
    constructor(status, text) { super(text); this.status = status; }
  }

  /** GETs from the succession API with the token; 401 signs out, 403 and others are thrown as Refused. */
  async function api(path, accept) {
    const token = state.token;
    if (!token) throw new Refused(401, 'signed out');
    const response = await fetch(API + path, {
      headers: { Authorization: 'Bearer ' + token, Accept: accept || 'application/json' },
      cache: 'no-store'
    });
    if (response.status === 401) {
      if (state.token === token) signedOut('You have been signed out: your token was not accepted or has expired. Paste a new one.');
      throw new Refused(401, 'signed out');
    }
    if (response.status === 403) throw new Refused(403, 'This is not available to your role (' + roleWords() + ').');
    if (!response.ok) {
      let detail = '';
      try { const problem = await response.json(); detail = problem.detail || problem.title || ''; } catch (e) { /* not JSON */ }
      throw new Refused(response.status, 'The succession API answered ' + response.status + (detail ? ': ' + detail : '') + '.');
    }
    return accept && accept !== 'application/json' ? response.text() : response.json();
  }

  function problemText(e) {
    return e instanceof Refused ? e.message : 'The succession API could not be reached (' + e.message + ').';
  }

  // ---- live stream ----------------------------------------------------------------------------

  function liveState(name, text) {
    const node = $('live-state');
    node.dataset.state = name;
    $('live-state-text').textContent = text;
  }

  function liveNotice(kind, text) {
    const node = $('live-notice');
    node.dataset.kind = kind || '';
    node.textContent = text || '';
  }

  function touched() {
    const now = new Date();
    const node = $('last-updated');
    node.dateTime = now.toISOString();
    node.textContent = timeOnly.format(now);
  }

  function stopStream() {
    const s = state.stream;
    s.generation++;
    clearTimeout(s.timer);
    if (s.controller) s.controller.abort();
    s.controller = null;
    s.attempt = 0;
    s.ready = false;
    s.readySince = 0;
    s.dropped = false;
  }

  function startStream() {
    stopStream();
    liveState('connecting', 'Connecting to live updates');
    liveNotice('', '');
    connect(state.stream.generation);
  }

  async function connect(generation) {
    const s = state.stream;
    if (generation !== s.generation || !state.token) return;
    const controller = new AbortController();
    s.controller = controller;
    const token = state.token;
    let response;
    try {
      response = await fetch(API + '/stream', {
        headers: { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal
      });
    } catch (e) {
      if (generation === s.generation) dropped(generation);
      return;
    }
    if (generation !== s.generation) return;
    if (response.status === 401) {
      signedOut('You have been signed out: your token was not accepted or has expired. Paste a new one.');
      return;
    }
    if (response.status === 403) {
      liveState('off', 'Live updates are not available to your role');
      return;
    }
    if (!response.ok || !response.body) {
      dropped(generation);
      return;
    }
    const seen = new Set();
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let event = '';
    let data = [];
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (generation !== s.generation) return;
        buffer += decoder.decode(value, { stream: true });
        for (;;) {
          const match = /\r\n|\r|\n/.exec(buffer);
          if (!match) break;
          // A lone \r at the very end may be the first half of \r\n: wait for the next chunk.
          if (match[0] === '\r' && match.index === buffer.length - 1) break;
          const line = buffer.slice(0, match.index);
          buffer = buffer.slice(match.index + match[0].length);
          if (line === '') {
            if (data.length) dispatch(event || 'message', data.join('\n'), seen, generation);
            event = '';
            data = [];
          } else if (line[0] !== ':') {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let val = colon < 0 ? '' : line.slice(colon + 1);
            if (val[0] === ' ') val = val.slice(1);
            if (field === 'event') event = val;
            else if (field === 'data') data.push(val);
          }
        }
      }
    } catch (e) {
      // the connection broke: reconnect below, saying so
      if (generation === s.generation) dropped(generation);
      return;
    }
    if (generation !== s.generation) return;
    // The server ended the stream cleanly (a restart, or an idle connection closed): when it had been
    // live for a while, reconnect at once and quietly; say so only if that does not work.
    if (s.ready && Date.now() - s.readySince > 5000) {
      s.ready = false;
      connect(generation);
    } else {
      dropped(generation);
    }
  }

  function dispatch(event, data, seen, generation) {
    const s = state.stream;
    if (generation !== s.generation) return;
    if (event === 'post') {
      let post;
      try { post = JSON.parse(data); } catch (e) { return; }
      seen.add(post.postId);
      const before = state.posts.get(post.postId);
      state.posts.set(post.postId, post);
      if (s.ready && (!before || before.readyNow !== post.readyNow || before.readySoon !== post.readySoon
          || before.replaceability !== post.replaceability)) {
        state.changed.add(post.postId);
      }
      if (s.ready) {
        touched();
        scheduleRefresh();
        if (state.route.name === 'post' && state.route.postId === post.postId) {
          renderPostNumbers(post);
          schedulePostRefresh();
        }
      }
      scheduleRender();
    } else if (event === 'ready') {
      // The snapshot is complete: posts not in it are gone (a rebuild), and every later event is a change.
      for (const id of [...state.posts.keys()]) if (!seen.has(id)) state.posts.delete(id);
      const reconnected = s.readySince > 0;
      s.ready = true;
      s.readySince = Date.now();
      s.attempt = 0;
      touched();
      if (s.dropped) {
        const notice = 'Live updates reconnected at ' + timeOnly.format(new Date()) + '.';
        liveNotice('reconnected', notice);
        setTimeout(() => { if ($('live-notice').textContent === notice) liveNotice('', ''); }, 30000);
        s.dropped = false;
      }
      if (reconnected) {
        // Whatever changed while the stream was away is in the snapshot; the figures may have moved too.
        refreshFigures();
        if (state.route.name === 'post') loadPost(state.route.postId, false);
      }
      liveState('live', 'Live');
      scheduleRender();
    }
  }

  function dropped(generation) {
    const s = state.stream;
    if (generation !== s.generation || !state.token) return;
    s.ready = false;
    s.dropped = true;
    s.attempt++;
    const delay = Math.min(30, Math.pow(2, s.attempt - 1));
    liveState('reconnecting', 'Reconnecting');
    liveNotice('dropped', 'Live updates were interrupted at ' + timeOnly.format(new Date())
      + '; reconnecting in ' + plural(delay, 'second', 'seconds') + '. The figures shown may be out of date.');
    s.timer = setTimeout(() => connect(generation), delay * 1000);
  }

  // ---- headline and regions -------------------------------------------------------------------

  function scheduleRefresh() {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(refreshFigures, 400);
  }

  async function refreshFigures() {
    if (!state.token || !may('read')) return;
    const [summary, capacity] = await Promise.allSettled([api('/summary?groupBy=region'), api('/capacity')]);
    const problems = [];
    if (summary.status === 'fulfilled') state.summary = summary.value; else problems.push(problemText(summary.reason));
    if (capacity.status === 'fulfilled') state.capacity = capacity.value; else problems.push(problemText(capacity.reason));
    if (!state.token) return;
    message($('headline-message'), [...new Set(problems)].join(' '));
    touched();
    renderHeadline();
    renderRegions();
  }

  function renderHeadline() {
    const s = state.summary && state.summary.national;
    $('h-posts').textContent = s ? String(s.posts) : '–';
    $('h-no-ready').textContent = s ? String(s.postsWithNoReadyNow) : '–';
    $('h-credible').textContent = s ? percent(s.credibleDismissalShare) : '–';
    if (state.summary) {
      $('h-credible-note').textContent = 'of posts, where a dismissal would be credible (at least '
        + plural(state.summary.minimumReadyNow, 'person', 'people') + ' ready now, or an interim named)';
    }
    const c = state.capacity;
    $('h-capacity').textContent = c ? String(c.capacity) : '–';
    if (c) {
      const watched = (c.watchedSegments || []).join(', ');
      $('h-capacity-note').textContent = 'posts could be filled at once from ' + plural(c.readyNowPeople, 'person', 'people')
        + ' ready now; ' + c.capacityInWatchedSegments + ' of the ' + c.postsInWatchedSegments + ' posts in segments ' + watched;
    }
  }

  function renderRegions() {
    const grid = $('region-grid');
    const groups = new Map(((state.summary && state.summary.groups) || []).map((g) => [g.group, g]));
    const byRegion = new Map(Object.keys(REGIONS).map((r) => [r, []]));
    for (const p of state.posts.values()) if (p.region && byRegion.has(p.region)) byRegion.get(p.region).push(p);
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.region : null;
    grid.replaceChildren();
    for (const [region, name] of Object.entries(REGIONS)) {
      const posts = byRegion.get(region);
      const g = groups.get(region);
      const counts = Object.fromEntries(LEVELS.map((l) => [l, 0]));
      for (const p of posts) counts[p.replaceability] = (counts[p.replaceability] || 0) + 1;
      const typical = typicalLevel(posts);
      const bar = el('span', { className: 'bar', 'aria-hidden': 'true' },
        LEVELS.map((l) => el('span', { className: 'r-' + l + ' w' + width(counts[l], posts.length) })));
      const countWords = LEVELS.map((l) => counts[l] + ' ' + LEVEL_WORDS[l].toLowerCase()).join(', ');
      const stats = g
        ? plural(g.posts, 'post', 'posts') + '; ' + g.postsWithNoReadyNow + ' with no one ready now; dismissal credible at '
          + percent(g.credibleDismissalShare)
        : plural(posts.length, 'post', 'posts');
      const button = el('button', {
        type: 'button',
        className: 'region-tile r-' + (typical || 'EMPTY'),
        'data-region': region,
        'aria-pressed': state.filters.region === region ? 'true' : 'false'
      }, [
        el('span', { className: 'region-name', text: name }),
        el('span', { className: 'region-level' }, typical
          ? ['Typical post: ', el('span', { className: 'badge r-' + typical, text: LEVEL_WORDS[typical] })]
          : ['No posts yet']),
        posts.length ? el('span', { className: 'region-stats', text: stats }) : null,
        posts.length ? bar : null,
        posts.length ? el('span', { className: 'region-counts', text: countWords }) : null
      ]);
      button.addEventListener('click', () => {
        state.filters.region = state.filters.region === region ? '' : region;
        state.tablePage = 0;
        $('f-region').value = state.filters.region;
        renderRegions();
        renderTable();
      });
      grid.append(el('li', null, button));
      if (focused === region) button.focus();
    }
  }

  /** The replaceability of the region's median post by readyNow (the lower middle one for an even count). */
  function typicalLevel(posts) {
    if (!posts.length) return null;
    const sorted = [...posts].sort((a, b) => a.readyNow - b.readyNow);
    return sorted[Math.floor((sorted.length - 1) / 2)].replaceability;
  }

  /** A count's share of the bar, in steps of 5% (at least one step when not zero). */
  function width(count, total) {
    if (!count || !total) return 0;
    return Math.max(5, Math.min(100, Math.round((count / total) * 20) * 5));
  }

  // ---- the posts table ------------------------------------------------------------------------

  function scheduleRender() {
    if (state.renderTimer) return;
    state.renderTimer = setTimeout(() => {
      state.renderTimer = null;
      if (state.route.name === 'overview') {
        renderTable();
        renderRegions();
      }
    }, 60);
  }

  function matches(p) {
    const f = state.filters;
    if (f.region && p.region !== f.region) return false;
    if (f.role && p.role !== f.role) return false;
    if (f.replaceability && p.replaceability !== f.replaceability) return false;
    if (f.segment && String(p.oversightSegment) !== f.segment) return false;
    if (f.icb && p.integratedCareBoardCode !== f.icb) return false;
    if (f.search) {
      const q = f.search.toLowerCase();
      if (!((p.organisationName || '').toLowerCase().includes(q) || (p.odsCode || '').toLowerCase().includes(q))) return false;
    }
    return true;
  }

  function sortValue(p, key) {
    switch (key) {
      case 'organisationName': return (p.organisationName || p.odsCode || '').toLowerCase();
      case 'role': return ROLES[p.role] || p.role;
      case 'lastShortlistSize': return p.vacancy ? p.vacancy.lastShortlistSize : null;
      case 'daysVacant': return p.vacancy ? p.vacancy.daysVacant : null;
      case 'replaceability': return LEVELS.indexOf(p.replaceability);
      default: return p[key];
    }
  }

  function compare(a, b) {
    const { key, descending } = state.sort;
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    // Missing values last, whichever the direction (as the API does).
    if (va === null || va === undefined) { if (!(vb === null || vb === undefined)) return 1; } else if (vb === null || vb === undefined) return -1;
    let c = 0;
    if (va !== vb && va !== null && va !== undefined) c = va < vb ? -1 : 1;
    if (descending) c = -c;
    if (c !== 0) return c;
    const na = (a.organisationName || '').toLowerCase();
    const nb = (b.organisationName || '').toLowerCase();
    if (na !== nb) return na < nb ? -1 : 1;
    if (a.role !== b.role) return a.role < b.role ? -1 : 1;
    return a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0;
  }

  function renderTable() {
    const body = $('posts-body');
    const active = document.activeElement;
    const focusedPost = active && body.contains(active) && active.dataset ? active.dataset.postId : null;
    const rows = [...state.posts.values()].filter(matches).sort(compare);
    // A national view has tens of thousands of posts: the table shows a page of them, the pager moves on.
    const pages = Math.max(1, Math.ceil(rows.length / state.tableRows));
    state.tablePage = Math.min(state.tablePage, pages - 1);
    const first = state.tablePage * state.tableRows;
    const shown = rows.slice(first, first + state.tableRows);
    const fragment = document.createDocumentFragment();
    for (const p of shown) {
      const v = p.vacancy || {};
      const link = el('a', { href: '#/posts/' + p.postId, 'data-post-id': p.postId, text: p.organisationName || 'Organisation not yet known' });
      const tr = el('tr', { 'data-post-id': p.postId, className: state.changed.has(p.postId) ? 'changed' : null }, [
        el('td', null, [link, ' ', el('span', { className: 'ods', text: p.odsCode || '' })]),
        el('td', { text: ROLES[p.role] || p.role }),
        el('td', { className: 'num', 'data-col': 'readyNow', text: p.readyNow }),
        el('td', { className: 'num', 'data-col': 'readySoon', text: p.readySoon }),
        el('td', { className: 'num', text: orDash(v.lastShortlistSize) }),
        el('td', { className: 'num', text: orDash(v.daysVacant) }),
        el('td', { className: 'num', text: orDash(p.oversightSegment) }),
        el('td', null, el('span', { className: 'badge r-' + p.replaceability, text: LEVEL_WORDS[p.replaceability] || p.replaceability }))
      ]);
      fragment.append(tr);
    }
    if (!rows.length) {
      fragment.append(el('tr', null, el('td', {
        colspan: 8, className: 'empty',
        text: state.posts.size ? 'No post matches these filters.' : (state.stream.ready ? 'No posts yet.' : 'Loading posts…')
      })));
    }
    state.changed.clear();
    body.replaceChildren(fragment);
    if (focusedPost) {
      const again = body.querySelector('a[data-post-id="' + focusedPost + '"]');
      if (again) again.focus();
    }
    $('posts-count').textContent = rows.length > shown.length
      ? 'Showing ' + (first + 1) + '–' + (first + shown.length) + ' of ' + rows.length + ' matching, ' + plural(state.posts.size, 'post', 'posts') + ' in all'
      : 'Showing ' + rows.length + ' of ' + plural(state.posts.size, 'post', 'posts');
    show($('posts-pager'), pages > 1);
    $('page-where').textContent = 'Page ' + (state.tablePage + 1) + ' of ' + pages;
    $('page-previous').disabled = state.tablePage === 0;
    $('page-next').disabled = state.tablePage >= pages - 1;
    for (const th of document.querySelectorAll('#posts-table th[data-sort]')) {
      if (th.dataset.sort === state.sort.key) th.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
  }

  function setupTable() {
    for (const th of document.querySelectorAll('#posts-table th[data-sort]')) {
      th.querySelector('button').addEventListener('click', () => {
        const key = th.dataset.sort;
        state.sort = state.sort.key === key ? { key, descending: !state.sort.descending } : { key, descending: false };
        state.tablePage = 0;
        renderTable();
      });
    }
    $('page-previous').addEventListener('click', () => { state.tablePage = Math.max(0, state.tablePage - 1); renderTable(); });
    $('page-next').addEventListener('click', () => { state.tablePage += 1; renderTable(); });
    $('rows-per-page').addEventListener('change', () => {
      state.tableRows = Number($('rows-per-page').value);
      state.tablePage = 0;
      renderTable();
    });
    const fill = (select, entries) => {
      for (const [value, label] of entries) select.append(el('option', { value, text: label }));
    };
    fill($('f-region'), Object.entries(REGIONS));
    fill($('f-role'), Object.entries(ROLES).filter(([role]) => role !== 'REGIONAL_DIRECTOR')); // the dashboard shows trusts' posts
    fill($('f-replaceability'), LEVELS.map((l) => [l, LEVEL_WORDS[l]]));
    const form = $('filters');
    const read = () => {
      state.filters = {
        search: $('f-search').value.trim(), region: $('f-region').value, role: $('f-role').value,
        replaceability: $('f-replaceability').value, segment: $('f-segment').value,
        icb: $('f-icb').value.trim().toUpperCase()
      };
      state.tablePage = 0;
      renderTable();
      renderRegions();
    };
    form.addEventListener('input', read);
    form.addEventListener('change', read);
    form.addEventListener('submit', (e) => e.preventDefault());
    form.addEventListener('reset', () => setTimeout(read, 0));
    $('csv').addEventListener('click', downloadCsv);
  }

  /** The table's API filters and sort as a query string (the name search stays in the page). */
  function csvQuery(page) {
    const f = state.filters;
    const q = new URLSearchParams();
    if (f.region) q.set('region', f.region);
    if (f.role) q.set('role', f.role);
    if (f.replaceability) q.set('replaceability', f.replaceability);
    if (f.segment) q.set('oversightSegment', f.segment);
    if (/^[A-Z0-9]{3,5}$/.test(f.icb)) q.set('integratedCareBoard', f.icb);
    if (API_SORTS.includes(state.sort.key)) {
      q.set('sort', (state.sort.descending ? '-' : '') + state.sort.key + (state.sort.key === 'organisationName' ? '' : ',organisationName'));
    }
    q.set('size', '500');
    q.set('page', String(page));
    return q.toString();
  }

  async function downloadCsv() {
    const button = $('csv');
    button.disabled = true;
    message($('posts-message'), '');
    try {
      let header = null;
      const lines = [];
      for (let page = 0; page < 200; page++) {
        const text = await api('/posts?' + csvQuery(page), 'text/csv');
        const rows = text.split('\r\n').filter((l) => l.length);
        if (header === null) header = rows[0];
        lines.push(...rows.slice(1));
        if (rows.length - 1 < 500) break;
      }
      const blob = new Blob([[header].concat(lines).join('\r\n') + '\r\n'], { type: 'text/csv' });
      const url = URL.createObjectURL(blob);
      const a = el('a', { href: url, download: 'succession-posts.csv' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (e) {
      if (!(e instanceof Refused && e.status === 401)) message($('posts-message'), 'The CSV could not be downloaded. ' + problemText(e));
    } finally {
      button.disabled = false;
    }
  }

  // ---- the post page --------------------------------------------------------------------------

  function schedulePostRefresh() {
    clearTimeout(state.postRefreshTimer);
    state.postRefreshTimer = setTimeout(() => {
      if (state.route.name === 'post') loadPost(state.route.postId, false);
    }, 500);
  }

  async function loadPost(postId, first) {
    const decide = may('decide');
    show($('readiness'), false);
    show($('readiness-restricted'), !decide);
    if (first) {
      $('post-title').textContent = 'Post';
      $('post-subtitle').textContent = '';
      $('post-numbers').replaceChildren();
      $('post-vacancy').replaceChildren();
      $('chart').replaceChildren(el('p', { className: 'chart-empty', text: 'Loading…' }));
      $('history-body').replaceChildren();
      $('dated-body').replaceChildren();
      message($('post-message'), '');
    }
    const path = '/posts/' + encodeURIComponent(postId);
    const [post, history, dated, readiness, knockOn] = await Promise.allSettled([
      api(path), api(path + '/history'), api(path + '/effective-history'),
      decide ? api(path + '/dismissal-readiness') : Promise.resolve(null),
      decide ? api(path + '/knock-on') : Promise.resolve(null)
    ]);
    if (!state.token || state.route.name !== 'post' || state.route.postId !== postId) return;
    touched();
    if (post.status === 'rejected') {
      message($('post-message'), post.reason instanceof Refused && post.reason.status === 404
        ? 'The succession view does not know this post (yet).' : problemText(post.reason));
      return;
    }
    message($('post-message'), '');
    renderPostNumbers(post.value);
    if (history.status === 'fulfilled') renderHistory(history.value);
    if (dated.status === 'fulfilled') renderDated(dated.value);
    else $('chart').replaceChildren(el('p', { className: 'message', text: problemText(dated.reason) }));
    if (decide) renderReadiness(readiness, knockOn);
  }

  function renderPostNumbers(p) {
    const name = p.organisationName || 'Organisation not yet known';
    const role = ROLES[p.role] || p.role;
    $('post-title').textContent = role + ', ' + name;
    document.title = role + ', ' + name + ': Understudy';
    $('post-subtitle').textContent = [p.odsCode, p.region ? REGIONS[p.region] : null,
      p.organisationType ? TYPES[p.organisationType] + ' trust' : null,
      p.oversightSegment ? 'oversight segment ' + p.oversightSegment : null].filter(Boolean).join(' · ');
    const pair = (dt, dd, cls) => [el('dt', { text: dt }), el('dd', { className: cls || null }, dd)];
    $('post-numbers').replaceChildren(
      ...pair('Ready now', String(p.readyNow), 'big'),
      ...pair('Ready in 1 to 2 years', String(p.readySoon), 'big'),
      ...pair('Named successors ready now', String(p.namedReadyNow)),
      ...pair('From the pool, ready now', String(p.poolReadyNow)),
      ...pair('Replaceability', el('span', { className: 'badge r-' + p.replaceability, text: LEVEL_WORDS[p.replaceability] || p.replaceability })),
      ...pair('Numbers as of', formatDateTime(p.updatedAt))
    );
    const v = p.vacancy || {};
    const i = p.incumbent;
    const d = p.lastDeparture;
    const cover = p.interimCover;
    $('post-vacancy').replaceChildren(
      ...pair('Open vacancy', v.openVacancyId ? 'Yes' : 'None open'),
      ...pair('Applicants', orDash(v.applicants)),
      ...pair('Shortlisted', orDash(v.shortlisted)),
      ...pair('Last shortlist', orDash(v.lastShortlistSize)),
      ...pair('Days vacant', orDash(v.daysVacant)),
      ...pair('Re-adverts', orDash(v.readverts)),
      ...pair('Incumbent', i ? 'In post since ' + formatDate(i.since) + (i.interim ? ' (interim)' : '')
        + (i.tenureDays !== null && i.tenureDays !== undefined ? ', ' + plural(i.tenureDays, 'day', 'days') : '') : 'No incumbent recorded'),
      ...pair('Interim cover', cover ? 'Named on ' + formatDate(cover.namedOn) : 'No one named'),
      ...pair('Last departure', d ? formatDate(d.date) + (d.reason ? ' (' + (LEAVING[d.reason] || d.reason) + ')' : '') : 'None recorded')
    );
  }

  function renderHistory(entries) {
    const body = $('history-body');
    body.replaceChildren(...entries.slice().reverse().map((h) => el('tr', null, [
      el('td', { text: formatDateTime(h.effectiveAt) }),
      el('td', { text: causeWords(h.cause) }),
      el('td', { className: 'num', text: h.readyNow }),
      el('td', { className: 'num', text: h.readySoon }),
      el('td', { text: LEVEL_WORDS[h.replaceability] || h.replaceability }),
      el('td', { className: 'num', text: orDash(h.lastShortlistSize) })
    ])));
  }

  /** The numbers by the records' own dates (GET /posts/{id}/effective-history): the chart and its table. */
  function renderDated(entries) {
    $('dated-body').replaceChildren(...entries.slice().reverse().map((e) => el('tr', null, [
      el('td', { text: formatDate(e.on) }),
      el('td', { className: 'num', text: e.readyNow }),
      el('td', { className: 'num', text: e.readySoon }),
      el('td', { text: LEVEL_WORDS[e.replaceability] || e.replaceability })
    ])));
    $('chart').replaceChildren(entries.length ? chart(entries) : el('p', { className: 'chart-empty', text: 'No history yet.' }));
  }

  function causeWords(cause) {
    if (!cause) return '–';
    if (cause === 'assessment-expired') return 'an assessment went stale';
    const m = /^org\.understudy\.(\w+)\.(.+)\.v\d+$/.exec(cause);
    return m ? m[2].replace(/[.-]/g, ' ') : cause;
  }

  /** The numbers by date as an SVG step chart: readyNow (solid, circles) and readySoon (dashed, squares). */
  function chart(entries) {
    const W = 760, H = 280, left = 44, right = 20, top = 16, bottom = 44;
    const times = entries.map((h) => new Date(h.on + 'T00:00:00Z').getTime());
    const start = times[0];
    const end = Math.max(Date.now(), times[times.length - 1], start + 60000);
    const maxY = Math.max(2, ...entries.map((h) => Math.max(h.readyNow, h.readySoon)));
    const x = (t) => left + ((t - start) / (end - start)) * (W - left - right);
    const y = (v) => top + (1 - v / maxY) * (H - top - bottom);
    const last = entries[entries.length - 1];
    const root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-labelledby': 'chart-svg-title chart-svg-desc' });
    root.append(svg('title', { id: 'chart-svg-title' }, 'People ready to take over, over time'));
    root.append(svg('desc', { id: 'chart-svg-desc' }, entries.length + ' changes from ' + formatDate(entries[0].on)
      + '; now ' + last.readyNow + ' ready now and ' + last.readySoon + ' ready in 1 to 2 years.'));
    const step = maxY > 10 ? Math.ceil(maxY / 5) : 1;
    for (let v = 0; v <= maxY; v += step) {
      root.append(svg('line', { x1: left, x2: W - right, y1: y(v), y2: y(v), class: v === 0 ? 'axis' : 'grid' }));
      root.append(svg('text', { x: left - 8, y: y(v) + 4, 'text-anchor': 'end' }, String(v)));
    }
    root.append(svg('line', { x1: left, x2: left, y1: top, y2: H - bottom, class: 'axis' }));
    const ticks = [start, start + (end - start) / 2, end];
    const sameDay = new Date(start).toDateString() === new Date(end).toDateString();
    ticks.forEach((t, n) => {
      root.append(svg('line', { x1: x(t), x2: x(t), y1: H - bottom, y2: H - bottom + 5, class: 'axis' }));
      root.append(svg('text', { x: x(t), y: H - bottom + 20, 'text-anchor': n === 0 ? 'start' : n === 2 ? 'end' : 'middle' },
        sameDay ? timeOnly.format(new Date(t)) : dateOnly.format(new Date(t))));
    });
    root.append(svg('text', { x: left, y: H - 6 }, sameDay ? dateOnly.format(new Date(start)) : 'Date'));
    const series = (key, lineClass, pointClass, square) => {
      let d = '';
      entries.forEach((h, n) => {
        const px = x(times[n]);
        const py = y(h[key]);
        d += (n === 0 ? 'M' : 'H' + px.toFixed(1) + 'V') + (n === 0 ? px.toFixed(1) + ' ' + py.toFixed(1) : py.toFixed(1));
      });
      d += 'H' + x(end).toFixed(1);
      root.append(svg('path', { d, class: lineClass }));
      const points = svg('g', { class: 'points-' + key });
      entries.forEach((h, n) => {
        const px = x(times[n]);
        const py = y(h[key]);
        const label = formatDate(h.on) + ': ' + h[key] + (key === 'readyNow' ? ' ready now' : ' ready soon');
        const shape = square
          ? svg('rect', { x: px - 4, y: py - 4, width: 8, height: 8, class: pointClass })
          : svg('circle', { cx: px, cy: py, r: 5, class: pointClass });
        shape.append(svg('title', {}, label));
        points.append(shape);
      });
      root.append(points);
    };
    series('readySoon', 'line-soon', 'point-soon', true);
    series('readyNow', 'line-now', 'point-now', false);
    return root;
  }

  function renderReadiness(readiness, knockOn) {
    const section = $('readiness');
    if (readiness.status === 'rejected') {
      const e = readiness.reason;
      if (e instanceof Refused && e.status === 403) {
        show($('readiness-restricted'), true);
        return;
      }
      show(section, true);
      $('readiness-verdict').className = 'verdict';
      $('readiness-verdict').textContent = '';
      $('readiness-summary').textContent = problemText(e);
      $('readiness-reasons').replaceChildren();
      $('readiness-based-on').textContent = '';
      $('knock-on').textContent = '';
      return;
    }
    const r = readiness.value;
    show(section, true);
    const verdict = $('readiness-verdict');
    verdict.className = 'verdict ' + (r.credible ? 'credible' : 'not-credible');
    verdict.textContent = r.credible ? '✔ Credible' : '✘ Not credible';
    $('readiness-summary').textContent = r.summary;
    $('readiness-reasons').replaceChildren(...(r.reasons || []).map((reason) => el('li', { 'data-code': reason.code }, [
      el('span', { className: 'effect ' + reason.effect, text: EFFECT_WORDS[reason.effect] || reason.effect }),
      el('span', { text: reason.text })
    ])));
    $('readiness-based-on').textContent = r.basedOn
      ? 'Based on the numbers in force from ' + formatDateTime(r.basedOn.effectiveAt) + '. At least '
        + plural(r.numbers.minimumReadyNow, 'person', 'people') + ' ready now (or a named interim) make a dismissal credible.'
      : '';
    if (knockOn.status === 'fulfilled' && knockOn.value) {
      $('knock-on').textContent = knockOn.value.summary;
    } else if (knockOn.status === 'rejected') {
      $('knock-on').textContent = knockOn.reason instanceof Refused && knockOn.reason.status === 403
        ? 'Not available to your role.' : problemText(knockOn.reason);
    }
  }

  // ---- routing --------------------------------------------------------------------------------

  function showView(name) {
    for (const v of ['signin', 'overview', 'post']) show($('view-' + v), v === name);
  }

  function route() {
    if (!state.token) {
      signedOut($('signin-message').textContent);
      return;
    }
    if (!may('read')) {
      state.route = { name: 'denied', postId: null };
      showView('signin');
      show($('signin-form'), true);
      message($('signin-message'), 'Your role (' + roleWords() + ') cannot see the succession view. Sign out and sign in with a regulator or viewer token.');
      return;
    }
    const hash = location.hash;
    const m = /^#\/posts\/([0-9a-fA-F-]{36})$/.exec(hash);
    const previous = state.route.name;
    if (m) {
      state.route = { name: 'post', postId: m[1] };
      showView('post');
      loadPost(m[1], true);
      $('post-title').focus();
    } else {
      state.route = { name: 'overview', postId: null };
      showView('overview');
      document.title = 'Succession across England: Understudy';
      renderHeadline();
      renderRegions();
      renderTable();
      if (previous === 'post') $('overview-title').focus();
    }
  }

  // ---- start ----------------------------------------------------------------------------------

  function start() {
    setupTable();
    $('signin-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const token = $('token').value.trim().replace(/^Bearer\s+/i, '');
      if (!token) {
        message($('signin-message'), 'Paste an access token first.');
        $('token').focus();
        return;
      }
      signIn(token, false);
    });
    $('sign-out').addEventListener('click', () => signedOut('You have signed out.'));
    document.querySelector('[data-skip]').addEventListener('click', (e) => {
      e.preventDefault();
      $('main').focus();
    });
    window.addEventListener('hashchange', () => {
      if (location.hash.startsWith('#/') || location.hash === '') route();
    });
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) signIn(saved, true);
    else signedOut('');
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}());
