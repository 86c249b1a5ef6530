// The client page's chart: trust and loyalty over time from the data the server put on the canvas (data-chart),
// with the what-if model dashed. A linear time axis in epoch millis: chart.js's time scale needs a date adapter,
// which no WebJar provides here. Hovering shows a point's event and sentence; clicking also shows it below the chart
// and marks its row in the table (which has every point without JavaScript).
(function () {
  'use strict';
  const canvas = document.getElementById('chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  const data = JSON.parse(canvas.dataset.chart);
  const points = data.points;
  const css = getComputedStyle(document.documentElement);
  const trustColour = css.getPropertyValue('--trust').trim() || '#1f5fbf';
  const loyaltyColour = css.getPropertyValue('--loyalty').trim() || '#b35c00';
  const day = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

  const datasets = [
    { label: 'Trust', data: points.map((p) => ({ x: p.t, y: p.trust })), borderColor: trustColour, backgroundColor: trustColour, stepped: 'before', pointRadius: 3, pointHoverRadius: 6 },
    { label: 'Loyalty', data: points.map((p) => ({ x: p.t, y: p.loyalty })), borderColor: loyaltyColour, backgroundColor: loyaltyColour, stepped: 'before', pointRadius: 3, pointHoverRadius: 6 }
  ];
  if (data.overlay.length > 0) {
    datasets.push(
      { label: 'Trust (what if)', data: data.overlay.map((p) => ({ x: p.t, y: p.trust })), borderColor: trustColour, borderDash: [6, 4], stepped: 'before', pointRadius: 0, borderWidth: 1.5 },
      { label: 'Loyalty (what if)', data: data.overlay.map((p) => ({ x: p.t, y: p.loyalty })), borderColor: loyaltyColour, borderDash: [6, 4], stepped: 'before', pointRadius: 0, borderWidth: 1.5 });
  }

  // the points' span with a margin, at least a day, so a young client's points are not squeezed into one spot
  const times = points.map((p) => p.t).concat(data.overlay.map((p) => p.t));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const margin = Math.max((last - first) * 0.05, 12 * 3600 * 1000);
  const range = { min: first - margin, max: last + margin };

  const detail = document.getElementById('point-detail');
  function show(index) {
    const p = points[index];
    detail.hidden = false;
    detail.textContent = '';
    const title = document.createElement('strong');
    title.textContent = p.type + ', ' + p.when + ': ';
    const sentence = document.createElement('span');
    sentence.className = 'sentence';
    sentence.textContent = p.sentence;
    const link = document.createElement('a');
    link.href = '#' + p.anchor;
    link.textContent = ' (in the table)';
    detail.append(title, sentence, link);
    document.querySelectorAll('tr.selected').forEach((row) => row.classList.remove('selected'));
    const row = document.getElementById(p.anchor);
    if (row) {
      row.classList.add('selected');
    }
  }

  const chart = new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', min: range.min, max: range.max, ticks: { callback: (value) => day(value), maxTicksLimit: 8 } },
        y: { suggestedMin: 0, suggestedMax: 100 }
      },
      plugins: {
        tooltip: {
          filter: (item) => item.datasetIndex < 2,
          callbacks: {
            title: (items) => items.length ? points[items[0].dataIndex].type + ' — ' + points[items[0].dataIndex].when : '',
            label: (item) => item.dataset.label + ': ' + item.parsed.y.toFixed(1),
            afterBody: (items) => items.length ? points[items[0].dataIndex].changes.length ? points[items[0].dataIndex].changes : [points[items[0].dataIndex].sentence] : []
          }
        }
      },
      onClick: (event, elements) => {
        const hit = elements.find((e) => e.datasetIndex < 2);
        if (hit) {
          show(hit.index);
        }
      }
    }
  });
  canvas.trustlineChart = chart;
})();
