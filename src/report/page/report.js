// The charts of a saring report: Vega-Lite specs over the rows in the page's
// JSON block (written by src/report/page.cc). Vega evaluates its
// expressions with its interpreter (no eval), so the page's
// Content-Security-Policy needs no 'unsafe-eval'. Data values reach the
// charts as SVG text only.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('saring-data').textContent);
  var options = {
    renderer: 'svg',
    actions: false,
    defaultStyle: false,
    tooltip: false,  // its handler injects a style sheet the policy forbids
    ast: true,
    expr: vega.expressionInterpreter
  };
  function outcomes(first) {
    return { domain: [first, 'rejected'], range: ['#2b7a3d', '#c0392b'] };
  }
  var config = { view: { stroke: null }, axis: { labelLimit: 160 } };

  function draw(id, spec) {
    var element = document.getElementById(id);
    if (!element) return;
    spec.$schema = 'https://vega.github.io/schema/vega-lite/v5.json';
    spec.width = 'container';
    spec.autosize = { type: 'fit-x', contains: 'padding' };
    spec.config = config;
    vegaEmbed(element, spec, options).catch(function (error) {
      element.textContent = 'This chart could not be drawn: ' + error.message;
      console.error(error);
    });
  }

  function bars(rows, category, value, title, height) {
    return {
      height: height || Math.max(60, 22 * rows.length),
      data: { values: rows },
      mark: 'bar',
      encoding: {
        y: { field: category, type: 'nominal', sort: null, title: null },
        x: { field: value, type: 'quantitative', title: title }
      }
    };
  }

  function stacked(rows, title) {
    var names = [];
    rows.forEach(function (r) { if (names.indexOf(r.name) < 0) names.push(r.name); });
    return {
      height: Math.max(60, 22 * names.length),
      data: { values: rows },
      mark: 'bar',
      encoding: {
        y: { field: 'name', type: 'nominal', sort: names, title: null },
        x: { field: 'documents', type: 'quantitative', title: title, stack: true },
        color: { field: 'outcome', type: 'nominal', scale: outcomes('kept'), title: null },
        order: { field: 'outcome' }
      }
    };
  }

  // Bins [lower, upper) on a linear or symmetric-log axis, the thresholds as rules.
  function histogram(rows, first, scale, title, thresholds, height) {
    var layers = [{
      data: { values: rows },
      mark: { type: 'bar', binSpacing: 0 },
      encoding: {
        x: { field: 'lower', type: 'quantitative', title: title, scale: { type: scale } },
        x2: { field: 'upper' },
        y: { field: 'documents', type: 'quantitative', stack: true, title: 'documents' },
        color: { field: 'outcome', type: 'nominal', scale: outcomes(first), title: null }
      }
    }];
    if (thresholds && thresholds.length) {
      layers.push({
        data: { values: thresholds },
        mark: { type: 'rule', color: '#c0392b', strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x: { field: 'value', type: 'quantitative' } }
      });
    }
    return { height: height || 160, layer: layers };
  }

  draw('chart-funnel', bars(data.funnel, 'step', 'documents', 'documents still in'));
  draw('chart-rejections', {
    height: Math.max(60, 22 * data.rejections.length),
    data: { values: data.rejections },
    mark: 'bar',
    encoding: {
      y: { field: 'reason', type: 'nominal', sort: '-x', title: null },
      x: { field: 'documents', type: 'quantitative', title: 'documents rejected' },
      color: { field: 'stage', type: 'nominal', title: 'stage' }
    }
  });
  draw('chart-languages', stacked(data.languages, 'documents'));
  draw('chart-text_length', histogram(data.text_length, 'kept', 'symlog', 'bytes of text', [], 200));
  data.figures.forEach(function (f, i) {
    var spec = histogram(f.rows, 'passed', f.scale, f.figure, f.thresholds);
    spec.title = { text: f.figure, fontSize: 12 };
    draw('chart-figure-' + i, spec);
  });
  draw('chart-duplicates', {
    height: 160,
    data: { values: data.duplicates },
    mark: 'bar',
    encoding: {
      x: { field: 'size', type: 'ordinal', title: 'documents in the cluster' },
      y: { field: 'clusters', type: 'quantitative', title: 'clusters' }
    }
  });
  draw('chart-domains', stacked(data.domains, 'documents'));
  draw('chart-timing', bars(data.timing, 'stage', 'seconds', 'CPU seconds'));
})();
