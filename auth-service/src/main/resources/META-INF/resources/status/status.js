// The status page: live channels from GET /status/live (public), a player per channel (hls.js, or dash.js), and the
// newest archives from GET /v1/archives (admin token; the links are presigned and short-lived).
// window.tributaryPlayer is the page's small API for scripts and the browser test:
//   play(channel, engine)  engine 'hls' or 'dash'
//   state()                {channel, engine, currentTime, error, warnings, readyState, paused,
//                           levels, level, switches}: levels are the video renditions the player offers
//                           ({height, bitrate}, lowest first), level the index of the one shown (-1 before the
//                           first), switches each change of it ({level, height, at: currentTime});
//                           playingDate (hls.js) the program date-time of the frame shown, in ms since the
//                           epoch, and now the page's clock: now - playingDate is the glass-to-glass latency;
//                           liveLatency (hls.js) {latency, targetLatency}: seconds behind the playlist's live edge
//   channels()             the last listing of /status/live
'use strict';

(function () {
  const LIVE_REFRESH_MS = 5000;
  const ARCHIVES_REFRESH_MS = 60000;
  const TOKEN_KEY = 'tributary.adminToken';

  const video = document.getElementById('video');
  let listing = [];
  let current = null; // {channel, engine, destroy()}
  let error = null;
  let warnings = 0;
  let switches = [];

  // ---- live channels ----

  async function refreshLive() {
    try {
      const response = await fetch('/status/live', {cache: 'no-store'});
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      listing = (await response.json()).channels;
      renderChannels();
      document.getElementById('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      document.getElementById('updated').textContent = 'cannot reach auth-service (' + e.message + ')';
    }
  }

  // A channel's card is made once and then updated in place: a card made anew at each refresh showed an empty box
  // until its new <img> had loaded, whereas an <img> given a new src keeps its picture until the next one is in.
  function renderChannels() {
    const list = document.getElementById('channels');
    document.getElementById('no-live').hidden = listing.length > 0;
    const stamp = Date.now();
    const cards = new Map([...list.children].map(card => [card.dataset.channel, card]));
    const wanted = listing.map(c => updateCard(cards.get(c.channel) || channelCard(c), c, stamp));
    if (wanted.length !== list.children.length || wanted.some((card, i) => list.children[i] !== card)) {
      list.replaceChildren(...wanted);
    }
  }

  function updateCard(item, c, stamp) {
    const img = item.querySelector('img');
    if (img && c.thumbnail) {
      // a new query string each refresh: latest.jpg is overwritten in place
      img.src = c.thumbnail + '?t=' + stamp;
    }
    item.querySelector('.details').textContent = describe(c);
    return item;
  }

  function channelCard(c) {
    const item = document.createElement('li');
    item.className = 'channel';
    item.dataset.channel = c.channel;
    if (c.thumbnail) {
      const img = document.createElement('img');
      img.alt = 'latest thumbnail of ' + c.channel;
      item.append(img);
    }
    const about = document.createElement('div');
    about.className = 'about';
    const name = document.createElement('div');
    name.className = 'name';
    name.textContent = c.channel;
    const details = document.createElement('div');
    details.className = 'muted details';
    about.append(name, details);
    for (const engine of ['hls', 'dash']) {
      if (c[engine]) {
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Play ' + engine.toUpperCase();
        button.addEventListener('click', () => play(c.channel, engine));
        about.append(button);
      }
    }
    item.append(about);
    return item;
  }

  function describe(c) {
    const parts = [];
    if (c.video) {
      parts.push(c.video.codec + ' ' + c.video.width + '×' + c.video.height);
    }
    if (c.audio) {
      parts.push(c.audio.codec);
    }
    parts.push('since ' + new Date(c.since).toLocaleTimeString());
    return parts.join(' · ');
  }

  // ---- the player ----

  function play(channel, engine) {
    const c = listing.find(x => x.channel === channel);
    if (!c || !c[engine]) {
      throw new Error(channel + ' is not live with ' + engine);
    }
    stop();
    error = null;
    warnings = 0;
    switches = [];
    current = engine === 'dash' ? startDash(c.dash) : startHls(c.hls);
    current.channel = channel;
    current.engine = engine;
    document.getElementById('player-section').hidden = false;
    document.getElementById('player-channel').textContent = channel;
    for (const button of document.querySelectorAll('.engines button')) {
      button.setAttribute('aria-pressed', String(button.dataset.engine === engine));
    }
    showPlayerStatus();
  }

  function startHls(url) {
    if (!window.Hls || !Hls.isSupported()) {
      error = 'hls.js cannot play here (no Media Source Extensions)';
      return {destroy() {}};
    }
    // a channel is listed from stream-started, a moment before its first playlist is written: keep asking
    const hls = new Hls({manifestLoadingMaxRetry: 10, manifestLoadingRetryDelay: 1000, manifestLoadingMaxRetryTimeout: 4000});
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (data.fatal) {
        error = 'hls.js: ' + data.type + ' ' + data.details;
        showPlayerStatus();
      } else {
        warnings++;
      }
    });
    hls.on(Hls.Events.MANIFEST_PARSED, () => {
      video.play().catch(() => { /* autoplay refused: the controls are there */ });
    });
    // hls.js orders its levels by bitrate, lowest first; currentLevel is the one being shown
    const levels = () => hls.levels.map(l => ({height: l.height, bitrate: l.bitrate}));
    hls.on(Hls.Events.LEVEL_SWITCHED, (event, data) => switched(data.level, levels()));
    hls.loadSource(url);
    hls.attachMedia(video);
    // the program date-time of the frame on screen (EXT-X-PROGRAM-DATE-TIME: when ingest received it): now minus
    // this is the glass-to-glass latency of a player at hls.js's default live position
    const playingDate = () => (hls.playingDate ? hls.playingDate.getTime() : null);
    // hls.js's own view of it: how far behind the live edge it plays, and where it aims to be
    const latency = () => ({latency: hls.latency, targetLatency: hls.targetLatency});
    return {destroy: () => hls.destroy(), levels, level: () => hls.currentLevel, playingDate, latency};
  }

  function startDash(url) {
    if (!window.dashjs) {
      error = 'dash.js is not loaded';
      return {destroy() {}};
    }
    const player = dashjs.MediaPlayer().create();
    // as for hls.js above: the manifest may appear a moment after the channel is listed
    player.updateSettings({streaming: {retryAttempts: {MPD: 10}, retryIntervals: {MPD: 1000}}});
    player.on(dashjs.MediaPlayer.events.ERROR, e => {
      const detail = e.error ? (e.error.message || e.error.code) : e.event || 'unknown';
      error = 'dash.js: ' + detail;
      showPlayerStatus();
    });
    // dash.js lists a type's representations by bitrate, lowest first; its quality is an index into that list
    const levels = () => player.getBitrateInfoListFor('video').map(b => ({height: b.height, bitrate: b.bitrate}));
    player.on(dashjs.MediaPlayer.events.QUALITY_CHANGE_RENDERED, e => {
      if (e.mediaType === 'video') {
        switched(e.newQuality, levels());
      }
    });
    // dash.js starts playback itself (autoplay): it must see the element's 'play' event, which is what starts its
    // MPD refreshes, so nothing else may call play() first
    player.initialize(video, url, true);
    return {destroy: () => player.reset(), levels, level: () => player.getQualityFor('video')};
  }

  function switched(level, levels) {
    switches.push({level, height: levels[level] ? levels[level].height : null, at: video.currentTime});
  }

  function stop() {
    if (current) {
      current.destroy();
      current = null;
    }
    // back to an empty, paused element, so the next player sees a fresh start
    video.removeAttribute('src');
    video.load();
  }

  function showPlayerStatus() {
    const status = document.getElementById('player-status');
    status.textContent = error ? error : current ? 'playing with ' + current.engine + '.js' : '';
  }

  video.addEventListener('error', () => {
    if (current && video.error) {
      error = 'media element: code ' + video.error.code + ' ' + (video.error.message || '');
      showPlayerStatus();
    }
  });

  for (const button of document.querySelectorAll('.engines button')) {
    button.addEventListener('click', () => {
      if (current) {
        play(current.channel, button.dataset.engine);
      }
    });
  }

  // ---- archives ----

  async function refreshArchives() {
    const token = sessionStorage.getItem(TOKEN_KEY);
    const status = document.getElementById('archives-status');
    const table = document.getElementById('archives');
    if (!token) {
      table.hidden = true;
      return;
    }
    try {
      const response = await fetch('/v1/archives', {cache: 'no-store', headers: {Authorization: 'Bearer ' + token}});
      if (response.status === 401 || response.status === 429) {
        sessionStorage.removeItem(TOKEN_KEY);
        status.textContent = response.status === 401 ? 'wrong admin token' : 'too many wrong tokens; wait a minute';
        table.hidden = true;
        return;
      }
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      const archives = (await response.json()).archives;
      table.tBodies[0].replaceChildren(...archives.map(archiveRow));
      table.hidden = archives.length === 0;
      status.textContent = archives.length === 0 ? 'No archive yet.' : 'Links work for a few minutes.';
    } catch (e) {
      status.textContent = 'cannot list archives (' + e.message + ')';
    }
  }

  function archiveRow(a) {
    const row = document.createElement('tr');
    row.dataset.channel = a.channel;
    const cells = [new Date(a.readyAt).toLocaleString(), a.channel, (a.durationMillis / 1000).toFixed(1) + ' s',
      (a.bytes / 1048576).toFixed(1) + ' MiB'].map(text => {
      const cell = document.createElement('td');
      cell.textContent = text;
      return cell;
    });
    const link = document.createElement('a');
    link.href = a.url;
    link.textContent = a.key.split('/').pop();
    link.className = 'archive-link';
    const linkCell = document.createElement('td');
    linkCell.append(link);
    row.append(...cells, linkCell);
    return row;
  }

  document.getElementById('token-form').addEventListener('submit', event => {
    event.preventDefault();
    const input = document.getElementById('token');
    sessionStorage.setItem(TOKEN_KEY, input.value.trim());
    input.value = '';
    refreshArchives();
  });

  window.tributaryPlayer = {
    play,
    channels: () => listing,
    refresh: () => Promise.all([refreshLive(), refreshArchives()]),
    state: () => ({
      channel: current ? current.channel : null,
      engine: current ? current.engine : null,
      currentTime: video.currentTime,
      error,
      warnings,
      readyState: video.readyState,
      paused: video.paused,
      levels: current && current.levels ? current.levels() : [],
      level: current && current.level ? current.level() : -1,
      playingDate: current && current.playingDate ? current.playingDate() : null,
      liveLatency: current && current.latency ? current.latency() : null,
      now: Date.now(),
      switches
    })
  };

  refreshLive();
  refreshArchives();
  setInterval(refreshLive, LIVE_REFRESH_MS);
  setInterval(refreshArchives, ARCHIVES_REFRESH_MS);
})();
